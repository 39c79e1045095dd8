package io.certtrail.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The sign-ins (authorizations) of the demo provider, in memory as before, with refresh token reuse
 * detection: each refresh replaces the refresh token, and the replaced one is remembered (as a
 * SHA-256 hash, never the token). A replaced token presented again means two parties hold the
 * sign-in, one of them a thief; the sign-in is revoked for both (OAuth 2.0 Security BCP, section 4.14).
 * Access tokens already issued are signed JWTs and lapse on their own within their five minutes.
 */
final class RotatingAuthorizations implements OAuth2AuthorizationService {

    private static final Logger log = LoggerFactory.getLogger(RotatingAuthorizations.class);

    private final OAuth2AuthorizationService sessions = new InMemoryOAuth2AuthorizationService();
    /** hash of a replaced refresh token -> the authorization it belonged to */
    private final Map<String, String> replaced = new ConcurrentHashMap<>();

    @Override
    public synchronized void save(OAuth2Authorization authorization) {
        OAuth2Authorization before = sessions.findById(authorization.getId());
        if (before != null
                && before.getRefreshToken() != null
                && (authorization.getRefreshToken() == null
                        || !before.getRefreshToken()
                                .getToken()
                                .getTokenValue()
                                .equals(authorization
                                        .getRefreshToken()
                                        .getToken()
                                        .getTokenValue()))) {
            replaced.put(hash(before.getRefreshToken().getToken().getTokenValue()), authorization.getId());
        }
        sessions.save(authorization);
    }

    @Override
    public synchronized void remove(OAuth2Authorization authorization) {
        sessions.remove(authorization);
        replaced.values().removeIf(authorization.getId()::equals);
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return sessions.findById(id);
    }

    @Override
    public synchronized OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        OAuth2Authorization found = sessions.findByToken(token, tokenType);
        if (found == null && (tokenType == null || OAuth2TokenType.REFRESH_TOKEN.equals(tokenType))) {
            String authorizationId = replaced.get(hash(token));
            OAuth2Authorization stolen = authorizationId == null ? null : sessions.findById(authorizationId);
            if (stolen != null) {
                log.warn(
                        "A replaced refresh token of client {} was used again: the sign-in is revoked",
                        stolen.getRegisteredClientId());
                remove(stolen);
            }
        }
        return found;
    }

    private static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
