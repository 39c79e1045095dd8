package io.certtrail.platform.identity;

import io.certtrail.platform.web.CorrelationIdFilter;
import io.certtrail.platform.web.ProblemErrorReportValve;
import io.certtrail.platform.web.ProblemWriter;
import io.certtrail.platform.web.RequestSizeLimitFilter;
import java.util.List;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who may call what. Everything needs a signed-in caller except the e-mail links (whose token is
 * the credential), public certificate verification, health, and the embedded mail catcher. Stateless: no session, no cookies, so
 * no CSRF surface.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /**
     * The API documents and Swagger UI: public like the API's shape, and with a policy that lets
     * Swagger UI run (its own scripts and styles, its inline style attributes and data: icons) and
     * reach the issuer for "Authorize". The API's own policy ({@code default-src 'none'}) left it a blank page.
     */
    @Bean
    @org.springframework.core.annotation.Order(Ordered.LOWEST_PRECEDENCE - 101)
    SecurityFilterChain apiDocuments(HttpSecurity http, io.certtrail.platform.web.PublicIssuer issuer)
            throws Exception {
        http.securityMatcher(
                        "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; "
                                + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' "
                                + issuer.origin() + "; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }

    /** After any chain an embedded identity provider adds for its own endpoints. */
    @Bean
    @org.springframework.core.annotation.Order(Ordered.LOWEST_PRECEDENCE - 100)
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Every answer: no referrer (links carry tokens), and a CSP that lets our few HTML pages use
                // their inline style and post their own form, and nothing else load or frame anything.
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; "
                                + "style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; "
                                + "base-uri 'none'")))
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/email-links/**",
                                "/actuator/health/**",
                                "/actuator/health",
                                "/error",
                                "/verify",
                                "/verify/**",
                                "/share/**",
                                "/api/public/**")
                        .permitAll()
                        // an embedded demo identity provider's addresses, served by its own chains when it is
                        // there; where it is not (the services, the all-in-one's production mode) they are
                        // nobody's and answer 404, not "sign in first"
                        .requestMatchers(
                                "/dev/**",
                                "/login",
                                "/logout",
                                "/oauth2/**",
                                "/.well-known/**",
                                "/userinfo",
                                "/connect/**")
                        .permitAll()
                        // the metrics carry no personal data, and production serves them on the separate
                        // management port (README); the API documents have their own chain above
                        .requestMatchers("/actuator/prometheus")
                        .permitAll()
                        .requestMatchers("/api/me/**")
                        .hasRole(Role.HOLDER.name())
                        .requestMatchers("/api/operator/records/**", "/api/operator/record-imports/**")
                        .hasAnyRole(Role.OPERATOR.name(), Role.INTEGRATION.name())
                        .requestMatchers(
                                HttpMethod.GET, "/api/operator/shipment-queue", "/api/operator/shipment-queue.csv")
                        .hasAnyAuthority("ROLE_" + Role.OPERATOR.name(), "SCOPE_" + CallerClaims.SHIPMENTS_READ_SCOPE)
                        .requestMatchers("/api/operator/certificate-applications/*/shipment")
                        .hasAnyAuthority("ROLE_" + Role.OPERATOR.name(), "SCOPE_" + CallerClaims.SHIPMENTS_SCOPE)
                        .requestMatchers("/api/operator/**")
                        .hasRole(Role.OPERATOR.name())
                        .requestMatchers("/api/audit/**")
                        .hasRole(Role.AUDITOR.name())
                        .requestMatchers("/api/partner/**")
                        .hasRole(Role.PARTNER_ADMIN.name())
                        .anyRequest()
                        .denyAll())
                // Signed JWT access tokens from the configured OpenID Connect issuer; nothing else.
                .oauth2ResourceServer(
                        resource -> resource.jwt(jwt -> jwt.jwtAuthenticationConverter(new CallerClaims()))
                                .authenticationEntryPoint((request, response, e) -> {
                                    response.setHeader("WWW-Authenticate", "Bearer");
                                    ProblemWriter.write(
                                            request,
                                            response,
                                            401,
                                            "unauthenticated",
                                            "problem.unauthenticated.title",
                                            "problem.unauthenticated",
                                            "UNAUTHENTICATED");
                                }))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) -> ProblemWriter.write(
                        request, response, 403, "forbidden", "error.FORBIDDEN", "problem.forbidden", "FORBIDDEN")));
        return http.build();
    }

    /** URLs the firewall refuses (e.g. with ';' or encoded slashes) get a problem document too. */
    @Bean
    RequestRejectedHandler problemForRejectedRequests() {
        return (request, response, e) -> ProblemWriter.write(
                request,
                response,
                400,
                "invalid-request",
                "problem.invalid-request.title",
                "problem.invalid-request",
                "INVALID_REQUEST");
    }

    /** Requests Tomcat refuses before our code runs are answered with a problem document too. */
    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemsForUnreadableRequests() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    @Bean
    WebMvcConfigurer callerResolution() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }

            @Override
            public void addInterceptors(
                    org.springframework.web.servlet.config.annotation.InterceptorRegistry registry) {
                registry.addInterceptor(new io.certtrail.platform.web.AcceptBeforeWrites());
            }
        };
    }

    /** First of all, so even a refused request's log lines carry its correlation identifier. */
    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIds() {
        FilterRegistrationBean<CorrelationIdFilter> registration =
                new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimit(
            @Value("${certtrail.http.max-body-bytes:65536}") long maxBodyBytes,
            @Value("${certtrail.http.max-import-bytes:2147483648}") long maxImportBytes) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestSizeLimitFilter(maxBodyBytes, "/api/operator/record-imports/", maxImportBytes));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
