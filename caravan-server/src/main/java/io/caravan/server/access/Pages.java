package io.caravan.server.access;

import jakarta.servlet.http.HttpServletRequest;

/** The dashboard's paths: HTML pages for people, beside the JSON API for programs. */
public final class Pages {

    /** Every page of the dashboard; GET needs a reader's role, anything else a worker's. */
    public static final String[] PATHS = {"/", "/participants", "/participants/**", "/orders", "/orders/**", "/payments/**",
        "/shipments", "/shipments/**", "/alerts", "/alerts/**", "/cases", "/cases/**", "/reference", "/import", "/import/**"};

    private Pages() {
    }

    /** True for a browser asking for a page, as opposed to a program calling the API. */
    static boolean isPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.startsWith("/actuator") || path.startsWith("/v3/")) {
            return false;
        }
        String accept = request.getHeader("Accept");
        return request.getHeader("HX-Request") != null || accept != null && accept.contains("text/html");
    }
}
