package io.certtrail.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.certtrail.platform.identity.CallerClaims;
import io.certtrail.platform.identity.Role;
import io.certtrail.platform.web.ProblemWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo OpenID Connect provider (Spring Security's authorization server), inside the all-in-one
 * application or on its own ({@link DemoIdentityApplication}, docker compose): demo users sign in at {@code /login} for the authorization code flow, integrations get
 * tokens with client credentials, and {@code POST /dev/tokens} hands a demo user a token in one
 * call (OAuth 2.1 has no password grant). The APIs accept only its signed tokens, exactly as they
 * accept a real issuer's in production.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
// not in the all-in-one's production mode (io.certtrail.mode.RunMode): tokens come from an outside issuer there
@org.springframework.context.annotation.Profile("!production")
class DemoIdentityProvider {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Who may sign in at the sign-in page and the demo token endpoint. */
    @Bean
    UserDetailsService demoUsers(IdentityProperties identity) {
        return username -> identity.users().stream()
                .filter(u -> u.username().equals(username))
                .findFirst()
                .<UserDetails>map(u -> User.withUsername(u.username())
                        .password(u.password())
                        .roles(u.roles().stream().map(Role::name).toArray(String[]::new))
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    /** Claims the discovery document lists: what the scopes and our own tokens can carry. */
    static final List<String> CLAIMS = List.of(
            "sub",
            "iss",
            "aud",
            "exp",
            "iat",
            "auth_time",
            "nonce",
            "azp",
            "sid",
            "name",
            "given_name",
            "family_name",
            "preferred_username",
            "email",
            "email_verified",
            CallerClaims.ROLES,
            CallerClaims.PARTNER_COMPANY,
            CallerClaims.ACCOUNT_TYPE);

    /** The protocol endpoints only (token, authorize, JWKS, discovery, userinfo, logout, revocation). */
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(
            HttpSecurity http, RegisteredClientRepository clients, AuthorizationServerSettings settings)
            throws Exception {
        http.oauth2AuthorizationServer(server -> server.clientAuthentication(client -> client.authenticationConverter(
                                PublicClientTokens.converter(settings.getTokenRevocationEndpoint()))
                        .authenticationProvider(PublicClientTokens.provider(clients)))
                .oidc(oidc -> oidc.providerConfigurationEndpoint(discovery ->
                                discovery.providerConfigurationCustomizer(config -> config.scopes(scopes -> {
                                            scopes.clear();
                                            scopes.addAll(List.of("openid", "profile", "email"));
                                        })
                                        .claim("claims_supported", CLAIMS)
                                        .tokenEndpointAuthenticationMethod(ClientAuthenticationMethod.NONE.getValue())
                                        .tokenRevocationEndpointAuthenticationMethod(
                                                ClientAuthenticationMethod.NONE.getValue())))
                        .logoutEndpoint(logout -> logout.logoutResponseHandler(SignOut::redirect))));
        MediaTypeRequestMatcher browsers = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        // "*/*" is not a browser asking for a page: such a client gets an OAuth error, not the sign-in page
        browsers.setIgnoredMediaTypes(java.util.Set.of(MediaType.ALL));
        http.securityMatcher(http.getConfigurer(OAuth2AuthorizationServerConfigurer.class)
                        .getEndpointsMatcher())
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/login"), browsers)
                        .defaultAuthenticationEntryPointFor(DemoIdentityProvider::oauthError, request -> true));
        return http.build();
    }

    /** RFC 6749 section 5.2 (token endpoints) and RFC 6750 section 3 (userinfo): a JSON error, never a redirect. */
    private static void oauthError(
            jakarta.servlet.http.HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response,
            org.springframework.security.core.AuthenticationException e)
            throws java.io.IOException {
        boolean clientEndpoint = request.getRequestURI().startsWith(request.getContextPath() + "/oauth2/");
        response.setStatus(401);
        response.setHeader("WWW-Authenticate", clientEndpoint ? "Basic realm=\"CertTrail clients\"" : "Bearer");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader("Cache-Control", "no-store");
        response.getWriter()
                .write(
                        clientEndpoint
                                ? "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed: give the"
                                        + " client's credentials, or the client_id of a public client.\"}"
                                : "{\"error\":\"invalid_token\",\"error_description\":\"Send a valid access token.\"}");
    }

    /** The sign-in page of the code flow, its stylesheet and landing pages, and the demo token endpoint. */
    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        http.securityMatcher(
                        "/login",
                        "/logout",
                        "/dev/tokens",
                        SignInPages.STYLESHEET,
                        SignInPages.SIGNED_IN,
                        SignInPages.SIGNED_OUT)
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/login", SignInPages.STYLESHEET, SignInPages.SIGNED_IN, SignInPages.SIGNED_OUT)
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl(SignInPages.SIGNED_IN))
                .logout(logout -> logout.logoutSuccessUrl(SignInPages.SIGNED_OUT))
                .httpBasic(basic -> basic.authenticationEntryPoint(DemoIdentityProvider::demoUserNeeded))
                // /dev/tokens is for programs: whatever they accept, a missing password is a 401, not the sign-in page
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        DemoIdentityProvider::demoUserNeeded,
                        request -> request.getRequestURI().endsWith("/dev/tokens")))
                .csrf(csrf -> csrf.ignoringRequestMatchers("/dev/tokens"));
        return http.build();
    }

    private static void demoUserNeeded(
            jakarta.servlet.http.HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response,
            org.springframework.security.core.AuthenticationException e)
            throws java.io.IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"CertTrail demo users\"");
        ProblemWriter.write(
                request,
                response,
                401,
                "unauthenticated",
                "problem.unauthenticated.title",
                "problem.demo-user-needed",
                "UNAUTHENTICATED");
    }

    /** Sign-ins, with refresh token reuse detection (see {@link RotatingAuthorizations}). */
    @Bean
    OAuth2AuthorizationService authorizations() {
        return new RotatingAuthorizations();
    }

    /** Spring's token generators as its auto-configuration builds them, but refresh tokens for public clients too. */
    @Bean
    OAuth2TokenGenerator<?> oauthTokenGenerator(
            JWKSource<SecurityContext> keys, OAuth2TokenCustomizer<JwtEncodingContext> claims) {
        JwtGenerator jwts = new JwtGenerator(new NimbusJwtEncoder(keys));
        jwts.setJwtCustomizer(claims);
        return new DelegatingOAuth2TokenGenerator(jwts, PublicClientTokens.refreshTokens(Clock.systemUTC()));
    }

    /**
     * One subject for one person: the account id, in access tokens, ID tokens and userinfo alike
     * (before, the ID token said {@code alice} and the access token {@code acct-alice}). Access
     * tokens name the APIs as their audience and carry what {@link CallerClaims} reads; ID tokens
     * carry what the granted scopes promise, which userinfo then answers.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> certTrailClaims(IdentityProperties identity) {
        return context -> {
            boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
            boolean idToken =
                    OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
            if (accessToken) {
                context.getClaims().audience(List.of(identity.audience()));
            }
            if (accessToken && AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                context.getClaims().claim(CallerClaims.ROLES, List.of(Role.INTEGRATION.name()));
                return;
            }
            if (!accessToken && !idToken) {
                return;
            }
            identity.users().stream()
                    .filter(user ->
                            user.username().equals(context.getPrincipal().getName()))
                    .findFirst()
                    .ifPresent(user -> {
                        if (accessToken) {
                            userClaims(context.getClaims(), user);
                        } else {
                            idTokenClaims(context.getClaims(), user, context.getAuthorizedScopes());
                        }
                    });
        };
    }

    private static void idTokenClaims(
            JwtClaimsSet.Builder claims, IdentityProperties.DemoUser user, java.util.Set<String> scopes) {
        claims.subject(user.accountId());
        if (scopes.contains(OidcScopes.PROFILE)) {
            claims.claim("preferred_username", user.username());
            if (user.firstName() != null) {
                claims.claim("given_name", user.firstName());
            }
            if (user.lastName() != null) {
                claims.claim("family_name", user.lastName());
            }
            String name = java.util.stream.Stream.of(user.firstName(), user.lastName())
                    .filter(java.util.Objects::nonNull)
                    .collect(java.util.stream.Collectors.joining(" "));
            claims.claim("name", name.isEmpty() ? user.username() : name);
        }
        if (scopes.contains(OidcScopes.EMAIL) && user.email() != null) {
            claims.claim("email", user.email());
            claims.claim("email_verified", true);
        }
    }

    private static void userClaims(JwtClaimsSet.Builder claims, IdentityProperties.DemoUser user) {
        claims.subject(user.accountId())
                .claim(CallerClaims.ROLES, user.roles().stream().map(Role::name).toList());
        if (user.firstName() != null) {
            claims.claim("given_name", user.firstName());
        }
        if (user.lastName() != null) {
            claims.claim("family_name", user.lastName());
        }
        if (user.partnerCompany() != null) {
            claims.claim(CallerClaims.PARTNER_COMPANY, user.partnerCompany());
        }
        if (user.email() != null) {
            claims.claim("email", user.email()); // where a partner administrator's digest goes
        }
        if (user.thirdParty()) {
            claims.claim(CallerClaims.ACCOUNT_TYPE, CallerClaims.THIRD_PARTY);
        }
    }

    /**
     * Verifies tokens against the in-JVM signing key, and insists on our issuer and on the APIs as
     * the audience: an ID token (audience: the client that asked for it) is no bearer. The public
     * key is taken from the key set once: verifying through the key set itself decoded the key's
     * Base64 numbers on every request (seen in a profile of the benchmark).
     */
    @Bean
    JwtDecoder jwtDecoder(
            JWKSource<SecurityContext> keys,
            @Value("${certtrail.identity.issuer}") String issuer,
            IdentityProperties identity)
            throws KeySourceException, JOSEException {
        List<JWK> signing = keys.get(
                new JWKSelector(new JWKMatcher.Builder().keyType(KeyType.RSA).build()), null);
        if (signing.size() != 1) {
            throw new IllegalStateException("Expected one RSA signing key, found " + signing.size());
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(
                        signing.get(0).toRSAKey().toRSAPublicKey())
                .signatureAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(new org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new org.springframework.security.oauth2.jwt.JwtClaimValidator<List<String>>(
                        "aud", aud -> aud != null && aud.contains(identity.audience()))));
        return decoder;
    }

    @RestController
    @org.springframework.context.annotation.Profile("!production") // scanned on its own, as a nested class
    static class DemoTokens {

        private final JwtEncoder encoder;
        private final IdentityProperties identity;
        private final String issuer;
        private final Clock clock;

        DemoTokens(
                JWKSource<SecurityContext> keys,
                IdentityProperties identity,
                @Value("${certtrail.identity.issuer}") String issuer) {
            this.encoder = new NimbusJwtEncoder(keys);
            this.identity = identity;
            this.issuer = issuer;
            // Token lifetimes are wall-clock time, like the authorization server's own tokens and the
            // validators that check them; the domain's injected clock does not apply to credentials.
            this.clock = Clock.systemUTC();
        }

        /** The same token the code flow would give this demo user, valid for one hour. */
        @PostMapping("/dev/tokens")
        Map<String, Object> token(@AuthenticationPrincipal UserDetails user) {
            Instant now = clock.instant();
            JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                    .issuer(issuer)
                    .issuedAt(now)
                    .expiresAt(now.plus(Duration.ofHours(1)))
                    .audience(List.of(identity.audience()));
            identity.users().stream()
                    .filter(u -> u.username().equals(user.getUsername()))
                    .findFirst()
                    .ifPresent(u -> userClaims(claims, u));
            String token = encoder.encode(JwtEncoderParameters.from(
                            JwsHeader.with(SignatureAlgorithm.RS256).build(), claims.build()))
                    .getTokenValue();
            return Map.of("access_token", token, "token_type", "Bearer", "expires_in", 3600);
        }
    }
}
