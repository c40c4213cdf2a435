package io.caravan.server.access;

import io.caravan.server.web.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may call what. Browsers log in with a password and get a session (CSRF-protected); programs send an
 * API key. Roles are checked here by path, tenants in every query (see {@link Caller}).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    private static final String[] READERS = {"ADMIN", "ANALYST", "VIEWER"};
    private static final String[] WORKERS = {"ADMIN", "ANALYST"};
    /** The platform's own endpoints (metrics, organisations): only the operator organisation's administrators reach them. */
    public static final String[] OPERATOR_PATHS = {"/actuator/**", "/api/v1/tenants", "/api/v1/tenants/**"};

    /**
     * Calls with an API key: stateless, no CSRF (a browser never sends the header by itself), none of the
     * login, logout and session machinery — the short chain, for machines sending records at volume.
     */
    @Bean
    @org.springframework.core.annotation.Order(1)
    SecurityFilterChain apiKeys(HttpSecurity http, AccessStore store) throws Exception {
        http.securityMatcher(r -> {
                    String h = r.getHeader("Authorization");
                    return h != null && h.regionMatches(true, 0, "Bearer ", 0, 7);
                })
                .sessionManagement(m -> m.sessionCreationPolicy(org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .anonymous(c -> c.disable())
                .addFilterBefore(new ApiKeyFilter(store), org.springframework.security.web.access.intercept.AuthorizationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(API_ENTRY).accessDeniedHandler(DENIED));
        return common(http).build();
    }

    /** Browsers: a login form and a session, CSRF-protected; everything without an API key. */
    @Bean
    @org.springframework.core.annotation.Order(2)
    SecurityFilterChain sessions(HttpSecurity http, LoginThrottle throttle) throws Exception {
        http.formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false))
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .csrf(c -> c.spa())
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(API_ENTRY, PathPatternRequestMatcher.withDefaults().matcher("/api/**"))
                        .defaultAuthenticationEntryPointFor(API_ENTRY, PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"))
                        .accessDeniedHandler(DENIED))
                .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class);
        return common(http).build();
    }

    private static final AuthenticationEntryPoint API_ENTRY = (request, response, e) -> Problems.write(response, request,
            HttpStatus.UNAUTHORIZED, "unauthenticated", "log in at /login, or send an API key as 'Authorization: Bearer ck_…'");

    private static final AccessDeniedHandler PROBLEM = (request, response, e) -> Problems.write(response, request,
            HttpStatus.FORBIDDEN, e instanceof org.springframework.security.web.csrf.CsrfException ? "csrf" : "forbidden",
            e instanceof org.springframework.security.web.csrf.CsrfException
                    ? "the CSRF token is missing or stale: send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header"
                    : Problems.forbidden(request));

    /** A page of the dashboard gets the dashboard's error page; everything else a problem document. */
    private static final AccessDeniedHandler DENIED = (request, response, e) -> {
        if (Pages.isPage(request)) {
            response.sendError(HttpStatus.FORBIDDEN.value());
            return;
        }
        PROBLEM.handle(request, response, e);
    };

    /** The same roles by path and the same security headers for both chains. */
    private static HttpSecurity common(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(a -> a
                        // the second dispatch of a streamed answer, and error pages, were authorised with their request
                        .dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ASYNC, jakarta.servlet.DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/login", "/error",
                                "/css/**", "/js/**", "/data/**", "/webjars/**",
                                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/favicon.ico").permitAll()
                        .requestMatchers(OPERATOR_PATHS).hasRole("OPERATOR")
                        .requestMatchers("/api/v1/users", "/api/v1/users/**", "/api/v1/api-keys", "/api/v1/api-keys/**",
                                "/api/v1/audit", "/api/v1/audit/**").hasRole("ADMIN")
                        .requestMatchers("/api/v1/me", "/api/v1/me/**").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/v1/records", "/api/v1/records/**", "/api/v1/imports")
                        .hasAnyRole("ADMIN", "ANALYST", "INGEST")
                        .requestMatchers(HttpMethod.GET, "/api/v1/**").hasAnyRole(READERS)
                        .requestMatchers("/api/v1/**").hasAnyRole(WORKERS)
                        // the dashboard: readers see every page, workers may act on them
                        .requestMatchers(HttpMethod.GET, Pages.PATHS).hasAnyRole(READERS)
                        .requestMatchers(Pages.PATHS).hasAnyRole(WORKERS)
                        .anyRequest().authenticated())
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; img-src 'self' data:;"
                                + " style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none';"
                                + " frame-ancestors 'none'; base-uri 'self'; form-action 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()")));
    }

    /**
     * No observation of Spring Security's own steps. With the observations merely switched off by property, every filter
     * of the chain is still wrapped in a decorator that starts and stops a no-op observation around it; without this
     * bean there is no decorator. HTTP requests are still observed as a whole (the {@code http.server.requests} metrics).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(12);
    }

    @Bean
    UserDetailsService users(AccessStore store) {
        return username -> store.account(username)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(org.springframework.context.ApplicationEventPublisher events) {
        return new DefaultAuthenticationEventPublisher(events);
    }
}
