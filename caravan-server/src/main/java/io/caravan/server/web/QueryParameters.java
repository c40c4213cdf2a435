package io.caravan.server.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The API's query parameters: a name an endpoint does not take is refused, and times are read as a person writes them.
 *
 * <p>Left alone, Spring ignores a parameter no method argument asks for, so {@code /api/v1/orders?shipto=DE} (for
 * {@code ship_to}) answered with every order, as if filtered. The API now answers 400, naming the parameter and the
 * ones the endpoint takes. Only the query string is checked: a form body is the endpoint's to read. A multipart body's
 * parts are checked the same way against the parts the endpoint reads ({@code note} misspelt {@code notes} beside a
 * case's evidence was dropped without a word).
 */
@Configuration(proxyBeanMethods = false)
public class QueryParameters implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new KnownNames()).addPathPatterns("/api/**");
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, OffsetDateTime.class, new Times());
    }

    /** Refuses query parameters and multipart parts the handling method has no {@link RequestParam} or {@link RequestPart} for. */
    static final class KnownNames implements HandlerInterceptor {

        private final Map<Method, Set<String>> known = new ConcurrentHashMap<>();
        private final Map<Method, Set<String>> knownParts = new ConcurrentHashMap<>();

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (!(handler instanceof HandlerMethod method)) {
                return true;
            }
            if (request instanceof MultipartHttpServletRequest) {
                checkParts(request, method);
            }
            if (request.getQueryString() == null) {
                return true;
            }
            Set<String> names = known.computeIfAbsent(method.getMethod(), m -> names(method));
            if (names == null) {
                return true; // takes every parameter (a map of them)
            }
            for (String pair : request.getQueryString().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                refuseUnknown("parameter", name, names, request);
            }
            return true;
        }

        private void checkParts(HttpServletRequest request, HandlerMethod method) {
            Set<String> names = knownParts.computeIfAbsent(method.getMethod(), m -> partNames(method));
            Collection<Part> parts;
            try {
                parts = request.getParts();
            } catch (IOException | ServletException e) {
                return; // an unreadable body is refused by the endpoint's own reading, with its reason
            }
            for (Part part : parts) {
                refuseUnknown("part", part.getName(), names, request);
            }
        }

        /** Refuses {@code name} when the endpoint does not take it, naming those it does. */
        private static void refuseUnknown(String what, String name, Set<String> names, HttpServletRequest request) {
            if (!names.contains(name)) {
                throw new BadRequest(name, "'" + name + "' is not a " + what + " of " + request.getMethod() + " "
                        + request.getRequestURI() + (names.isEmpty() ? "; it takes none" : "; it takes " + String.join(", ", names)));
            }
        }

        /** The names of the method's multipart parts: its {@link RequestPart}s and its {@link RequestParam}s. */
        private static Set<String> partNames(HandlerMethod method) {
            Set<String> names = new TreeSet<>();
            for (MethodParameter p : method.getMethodParameters()) {
                RequestPart part = p.getParameterAnnotation(RequestPart.class);
                RequestParam param = p.getParameterAnnotation(RequestParam.class);
                if (part != null) {
                    names.add(name(p, part.name(), part.value()));
                } else if (param != null) {
                    names.add(name(p, param.name(), param.value()));
                }
            }
            return names;
        }

        /** The names of the method's request parameters, in order; null when one argument takes them all. */
        private static Set<String> names(HandlerMethod method) {
            Set<String> names = new TreeSet<>();
            for (MethodParameter p : method.getMethodParameters()) {
                RequestParam rp = p.getParameterAnnotation(RequestParam.class);
                if (rp == null) {
                    continue;
                }
                if (Map.class.isAssignableFrom(p.getParameterType())) {
                    return null;
                }
                names.add(name(p, rp.name(), rp.value()));
            }
            return names;
        }

        /** The name an annotation gives an argument, or the argument's own name when it gives none. */
        private static String name(MethodParameter p, String name, String value) {
            if (!name.isEmpty()) {
                return name;
            }
            if (!value.isEmpty()) {
                return value;
            }
            p.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
            return p.getParameterName();
        }
    }

    /** What a person is told of a value not of its parameter's type: what it should be, with an example. */
    public static String mistyped(org.springframework.beans.TypeMismatchException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof Times.Unreadable) {
                return t.getMessage();
            }
        }
        return "'" + e.getValue() + "' is not " + BodyError.expected(e.getRequiredType());
    }

    /**
     * A time in a query: an ISO 8601 date and time with its offset ({@code 2025-06-01T08:00:00Z},
     * {@code 2025-06-01T10:00:00+02:00}), or a date alone, read as its first instant in UTC. An offset's {@code +} left
     * unescaped in an address arrives as a space; it is read back as the {@code +} it was.
     */
    static final class Times implements Converter<String, OffsetDateTime> {

        private static final Pattern SPACED_OFFSET = Pattern.compile("(T[0-9:.]+) ([0-9]{2}(:?[0-9]{2})?)$");

        @Override
        public OffsetDateTime convert(String text) {
            String s = SPACED_OFFSET.matcher(text.strip()).replaceFirst("$1+$2");
            try {
                return s.length() == 10 ? LocalDate.parse(s).atStartOfDay().atOffset(ZoneOffset.UTC) : OffsetDateTime.parse(s);
            } catch (DateTimeParseException e) {
                throw new Unreadable("'" + text + "' is not a date or a date and time;"
                        + " write 2025-06-01, or 2025-06-01T08:00:00Z with its offset");
            }
        }

        /** A time that could not be read; its message says how to write one. */
        static final class Unreadable extends IllegalArgumentException {
            Unreadable(String message) {
                super(message);
            }
        }
    }
}
