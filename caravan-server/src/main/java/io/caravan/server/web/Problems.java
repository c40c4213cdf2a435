package io.caravan.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

/** Builds RFC 9457 problem details, with the request id, for controllers and for filters. */
public final class Problems {

    public static final String TYPE_PREFIX = "urn:caravan:problem:";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String type, String detail, String field, HttpServletRequest request) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create(TYPE_PREFIX + type));
        p.setTitle(status.getReasonPhrase());
        if (request != null) {
            p.setInstance(URI.create(request.getRequestURI()));
        }
        if (field != null && !field.isEmpty()) {
            p.setProperty("field", field);
        }
        String id = MDC.get(RequestIdFilter.MDC_KEY);
        if (id != null) {
            p.setProperty("requestId", id);
        }
        return p;
    }

    private static final org.springframework.util.AntPathMatcher PATHS = new org.springframework.util.AntPathMatcher();

    /**
     * What a refused caller is told: its role, and the method and path it may not use, so that a mistyped path
     * (which the role rules refuse before any endpoint is looked for) reads as one.
     */
    public static String forbidden(HttpServletRequest request) {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        String roles = auth == null ? "" : auth.getAuthorities().stream().map(a -> a.getAuthority())
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted()
                .collect(java.util.stream.Collectors.joining(", "));
        String path = request.getRequestURI();
        if (!roles.contains("OPERATOR") && java.util.Arrays.stream(io.caravan.server.access.SecurityConfig.OPERATOR_PATHS)
                .anyMatch(pattern -> PATHS.match(pattern, path))) {
            // no role in an organisation reaches the platform's own endpoints
            return "only the platform operator's administrators may " + request.getMethod() + " " + path + "; log in as"
                    + " one (the operator organisation's admin) or use an API key of theirs (docs/operations.md)";
        }
        return "your role" + (roles.isEmpty() ? "" : " (" + roles + ")") + " may not " + request.getMethod() + " "
                + path + "; check the method and path (docs/api.md), or ask an administrator of your"
                + " organisation for a role that may";
    }

    /** Writes a problem from a servlet filter, where no message converter is at hand. */
    public static void write(HttpServletResponse response, HttpServletRequest request, HttpStatus status, String type,
                             String detail) throws IOException {
        response.setStatus(status.value());
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        StringBuilder sb = new StringBuilder(200).append("{\"type\":").append(quote(TYPE_PREFIX + type))
                .append(",\"title\":").append(quote(status.getReasonPhrase()))
                .append(",\"status\":").append(status.value())
                .append(",\"detail\":").append(quote(detail))
                .append(",\"instance\":").append(quote(request.getRequestURI()));
        String id = MDC.get(RequestIdFilter.MDC_KEY);
        if (id != null) {
            sb.append(",\"requestId\":").append(quote(id));
        }
        response.getWriter().write(sb.append('}').toString());
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
