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
import org.springframework.security.config.Customizer;
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
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
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
                .<UserDetails>map(u -> User.withUsername(u.username()).password(u.password())
                        .roles(u.roles().stream().map(Role::name).toArray(String[]::new)).build())
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    /** The protocol endpoints only (token, authorize, JWKS, discovery, ...). */
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> server.oidc(Customizer.withDefaults()));
        http.securityMatcher(http.getConfigurer(OAuth2AuthorizationServerConfigurer.class).getEndpointsMatcher())
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    /** The sign-in page of the code flow, and the demo token endpoint (demo user name and password). */
    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        http.securityMatcher("/login", "/logout", "/dev/tokens")
                .authorizeHttpRequests(auth -> auth.requestMatchers("/login").permitAll().anyRequest().authenticated())
                .formLogin(Customizer.withDefaults())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"CertTrail demo users\"");
                    ProblemWriter.write(response, 401, "unauthenticated", "Unauthenticated",
                            "Give a demo user's name and password.", "UNAUTHENTICATED");
                }))
                .csrf(csrf -> csrf.ignoringRequestMatchers("/dev/tokens"));
        return http.build();
    }

    /** Tokens carry what {@link CallerClaims} reads: the account, roles and name, or a client's identity. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> certTrailClaims(IdentityProperties identity) {
        return context -> {
            if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                return;
            }
            if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                context.getClaims().claim(CallerClaims.ROLES, List.of(Role.INTEGRATION.name()));
                return;
            }
            identity.users().stream()
                    .filter(user -> user.username().equals(context.getPrincipal().getName()))
                    .findFirst()
                    .ifPresent(user -> userClaims(context.getClaims(), user));
        };
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
        if (user.thirdParty()) {
            claims.claim(CallerClaims.ACCOUNT_TYPE, CallerClaims.THIRD_PARTY);
        }
    }

    /**
     * Verifies tokens against the in-JVM signing key, and insists on our issuer. The public key is
     * taken from the key set once: verifying through the key set itself decoded the key's Base64
     * numbers on every request (seen in a profile of the benchmark).
     */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys, @Value("${certtrail.identity.issuer}") String issuer)
            throws KeySourceException, JOSEException {
        List<JWK> signing = keys.get(new JWKSelector(new JWKMatcher.Builder().keyType(KeyType.RSA).build()), null);
        if (signing.size() != 1) {
            throw new IllegalStateException("Expected one RSA signing key, found " + signing.size());
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(signing.get(0).toRSAKey().toRSAPublicKey())
                .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer));
        return decoder;
    }

    @RestController
    static class DemoTokens {

        private final JwtEncoder encoder;
        private final IdentityProperties identity;
        private final String issuer;
        private final Clock clock;

        DemoTokens(JWKSource<SecurityContext> keys, IdentityProperties identity,
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
            JwtClaimsSet.Builder claims = JwtClaimsSet.builder().issuer(issuer).issuedAt(now)
                    .expiresAt(now.plus(Duration.ofHours(1))).audience(List.of("certtrail"));
            identity.users().stream().filter(u -> u.username().equals(user.getUsername())).findFirst()
                    .ifPresent(u -> userClaims(claims, u));
            String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(),
                    claims.build())).getTokenValue();
            return Map.of("access_token", token, "token_type", "Bearer", "expires_in", 3600);
        }
    }
}
