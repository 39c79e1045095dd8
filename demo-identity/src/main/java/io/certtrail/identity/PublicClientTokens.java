package io.certtrail.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Refresh tokens for the portal, a public client (a browser application: no secret it could keep).
 * Spring's authorization server gives public clients none, and lets them authenticate only a code
 * exchange with PKCE; without refresh tokens the portal had to send the holder back to sign in every
 * five minutes. Here a public client identifies itself by {@code client_id} alone for two more
 * requests: a refresh (the refresh token is the credential, sender-unbound like the code was, so it
 * works once: {@code reuse-refresh-tokens: false}, and {@link RotatingAuthorizations} revokes the whole
 * sign-in when a used one comes back) and a revocation at sign-out (RFC 7009 section 5).
 */
final class PublicClientTokens {

    private PublicClientTokens() {}

    /** Reads {@code client_id} (and no secret) from a refresh or revocation request. */
    static AuthenticationConverter converter(String revocationEndpoint) {
        return request -> {
            if (!"POST".equals(request.getMethod())
                    || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                    || request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
                    || request.getParameterValues(OAuth2ParameterNames.CLIENT_ID) == null
                    || request.getParameterValues(OAuth2ParameterNames.CLIENT_ID).length != 1
                    || !(refresh(request) || revocation(request, revocationEndpoint))) {
                return null;
            }
            Map<String, Object> parameters = new HashMap<>();
            parameters.put(PUBLIC_CLIENT_REQUEST, true);
            return new OAuth2ClientAuthenticationToken(
                    request.getParameter(OAuth2ParameterNames.CLIENT_ID),
                    ClientAuthenticationMethod.NONE,
                    null,
                    parameters);
        };
    }

    private static final String PUBLIC_CLIENT_REQUEST = PublicClientTokens.class.getName();

    private static boolean refresh(HttpServletRequest request) {
        return AuthorizationGrantType.REFRESH_TOKEN
                .getValue()
                .equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE));
    }

    private static boolean revocation(HttpServletRequest request, String revocationEndpoint) {
        return request.getRequestURI().equals(request.getContextPath() + revocationEndpoint)
                && request.getParameter(OAuth2ParameterNames.TOKEN) != null;
    }

    /** Accepts what {@link #converter} read, for a registered client that is public and may refresh. */
    static AuthenticationProvider provider(RegisteredClientRepository clients) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                OAuth2ClientAuthenticationToken token = (OAuth2ClientAuthenticationToken) authentication;
                if (!ClientAuthenticationMethod.NONE.equals(token.getClientAuthenticationMethod())
                        || !Boolean.TRUE.equals(token.getAdditionalParameters().get(PUBLIC_CLIENT_REQUEST))) {
                    return null; // the code exchange with PKCE: Spring's own provider
                }
                RegisteredClient client = clients.findByClientId(String.valueOf(token.getPrincipal()));
                if (client == null
                        || !client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)
                        || !client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN)) {
                    throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
                }
                return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }

    /** A refresh token for every client registered for the grant, public ones included; 768 random bits. */
    static OAuth2TokenGenerator<OAuth2RefreshToken> refreshTokens(Clock clock) {
        StringKeyGenerator keys =
                new Base64StringKeyGenerator(Base64.getUrlEncoder().withoutPadding(), 96);
        return (OAuth2TokenContext context) -> {
            if (!OAuth2TokenType.REFRESH_TOKEN.equals(context.getTokenType())
                    || !context.getRegisteredClient()
                            .getAuthorizationGrantTypes()
                            .contains(AuthorizationGrantType.REFRESH_TOKEN)) {
                return null;
            }
            Instant issuedAt = clock.instant();
            return new OAuth2RefreshToken(
                    keys.generateKey(),
                    issuedAt,
                    issuedAt.plus(
                            context.getRegisteredClient().getTokenSettings().getRefreshTokenTimeToLive()));
        };
    }
}
