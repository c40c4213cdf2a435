package io.caravan.server.dashboard;

import io.caravan.server.access.Caller;
import io.caravan.server.access.Role;
import io.caravan.server.web.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page of the dashboard shows in its header (who is signed in, whether they may act), and the
 * page a refused or unknown request gets instead of the API's problem document.
 */
@ControllerAdvice(basePackageClasses = PageModel.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageModel {

    @ExceptionHandler(ApiException.class)
    String refused(ApiException e, HttpServletResponse response, Model model) {
        response.setStatus(e.status().value());
        model.addAttribute("status", e.status().value());
        model.addAttribute("message", message(e));
        return "error";
    }

    /** A parameter of the address that is not of its type, e.g. {@code page=abc}. */
    @ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
    String mistyped(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException e, HttpServletResponse response,
                    Model model) {
        return refused(new io.caravan.server.web.BadRequest(e.getName(), io.caravan.server.web.QueryParameters.mistyped(e)
                + "; correct it in the address"), response, model);
    }

    /** What a refusal tells a person: the field it concerns, then why. */
    static String message(ApiException e) {
        return (e.field() == null ? "" : e.field() + ": ") + e.getMessage();
    }

    @ModelAttribute("caller")
    Caller caller() {
        return Caller.current();
    }

    /** Admins and analysts act (override, assign, resolve, import); viewers only read. */
    @ModelAttribute("canAct")
    boolean canAct() {
        Role r = Caller.current().role();
        return r == Role.ADMIN || r == Role.ANALYST;
    }
}
