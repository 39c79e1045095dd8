package io.certtrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.UserInfoSuccessResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.certtrail.e2e.CertTrailInstance.Response;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portal's sign-in as a standard OpenID Connect client library does it (Nimbus OAuth 2.0 SDK,
 * another code path than the server's): discovery, the code flow with PKCE as the public client
 * {@code certtrail-portal}, ID token validation against the published keys, the API with the access
 * token, refresh with rotation, revocation, and logout to the registered address. The browser is a
 * plain HTTP client with cookies that signs in on the sign-in page as a person would.
 */
class StandardOidcClientTest {

    private static final ClientID PORTAL = new ClientID("certtrail-portal");
    private static final URI CALLBACK = URI.create("http://localhost:3000/callback");
    private static final URI SIGNED_OUT = URI.create("http://localhost:3000/signed-out");

    @TempDir
    static Path dataDir;

    static CertTrailInstance app;
    static OIDCProviderMetadata issuer;

    @BeforeAll
    static void start() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        // the issuer is what clients see, so the instance is told the address it will listen at
        app = CertTrailInstance.start(
                dataDir,
                Clock.systemUTC(),
                Map.of("server.port", String.valueOf(port), "certtrail.identity.issuer", "http://127.0.0.1:" + port));
        issuer = OIDCProviderMetadata.resolve(new Issuer("http://127.0.0.1:" + port));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void discoveryDescribesTheServer() {
        assertThat(issuer.getScopes().toStringList()).contains("openid", "profile", "email");
        assertThat(issuer.getTokenEndpointAuthMethods())
                .extracting(Object::toString)
                .contains("none");
        assertThat(issuer.getClaims()).contains("sub", "given_name", "family_name", "email");
        assertThat(issuer.getEndSessionEndpointURI()).isNotNull();
        assertThat(issuer.getRevocationEndpointURI()).isNotNull();
    }

    @Test
    void thePortalSignsInRefreshesReadsTheApiAsTheSamePersonAndLogsOut() throws Exception {
        Browser browser = new Browser();
        Nonce nonce = new Nonce();
        OIDCTokenResponse signedIn = browser.signIn("holder4", nonce);

        IDTokenClaimsSet id = new IDTokenValidator(
                        issuer.getIssuer(),
                        PORTAL,
                        JWSAlgorithm.RS256,
                        issuer.getJWKSetURI().toURL())
                .validate(signedIn.getOIDCTokens().getIDToken(), nonce);
        assertThat(id.getSubject().getValue()).isEqualTo("acct-h4");
        assertThat(id.getStringClaim("given_name")).isEqualTo("Holder4");
        BearerAccessToken access = signedIn.getOIDCTokens().getBearerAccessToken();
        assertThat(SignedJWT.parse(access.getValue()).getJWTClaimsSet().getSubject())
                .isEqualTo(id.getSubject().getValue());

        // the API acts for the account the ID token names: the auditor sees the portal's request under it
        Response asked = app.postWithToken(
                "/api/me/email-associations",
                access.getValue(),
                "{\"email\":\"oidc-h4@example.com\",\"acceptPrivacyStatement\":true,\"verification\":"
                        + app.solvedChallenge("holder4") + "}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(app.get(
                                        "/api/audit/events?accountId="
                                                + id.getSubject().getValue(),
                                        "auditor")
                                .json()
                                .get("items"))
                        .anySatisfy(event -> {
                            assertThat(event.get("type").asText()).isEqualTo("EmailAssociationRequested");
                            assertThat(event.get("actor").asText())
                                    .isEqualTo(id.getSubject().getValue());
                        }));
        // userinfo names the same person
        assertThat(app.getWithToken("/api/me/email-addresses", access.getValue())
                        .status())
                .isEqualTo(200);
        UserInfoResponse userInfo = UserInfoResponse.parse(new UserInfoRequest(issuer.getUserInfoEndpointURI(), access)
                .toHTTPRequest()
                .send());
        assertThat(userInfo.indicatesSuccess()).isTrue();
        assertThat(((UserInfoSuccessResponse) userInfo).getUserInfo().getSubject())
                .isEqualTo(id.getSubject());
        assertThat(((UserInfoSuccessResponse) userInfo).getUserInfo().getGivenName())
                .isEqualTo("Holder4");

        // the ID token is no bearer for the API (its audience is the portal)
        Response withIdToken = app.getWithToken(
                "/api/me/email-addresses", signedIn.getOIDCTokens().getIDTokenString());
        assertThat(withIdToken.status()).isEqualTo(401);

        // refresh: new tokens, a new refresh token, the same person
        RefreshToken first = signedIn.getOIDCTokens().getRefreshToken();
        assertThat(first).as("the portal gets a refresh token").isNotNull();
        OIDCTokenResponse refreshed = refresh(first);
        assertThat(refreshed.getOIDCTokens().getRefreshToken()).isNotEqualTo(first);
        String refreshedAccess = refreshed.getOIDCTokens().getAccessToken().getValue();
        assertThat(SignedJWT.parse(refreshedAccess).getJWTClaimsSet().getSubject())
                .isEqualTo("acct-h4");
        Response again = app.getWithToken("/api/me/email-addresses", refreshedAccess);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("addresses").toString()).contains("oidc-h4@example.com");

        // logout to the registered address, and the browser's session is over
        String idTokenHint = refreshed.getOIDCTokens().getIDTokenString() != null
                ? refreshed.getOIDCTokens().getIDTokenString()
                : signedIn.getOIDCTokens().getIDTokenString();
        URI logout = new LogoutRequest(
                        issuer.getEndSessionEndpointURI(),
                        SignedJWT.parse(idTokenHint),
                        null,
                        PORTAL,
                        SIGNED_OUT,
                        new State("bye"),
                        null)
                .toURI();
        HttpResponse<String> loggedOut = browser.get(logout);
        assertThat(loggedOut.statusCode()).isEqualTo(302);
        assertThat(loggedOut.headers().firstValue("Location").orElseThrow())
                .startsWith(SIGNED_OUT.toString())
                .contains("state=bye");
        HttpResponse<String> authorizeAgain = browser.get(browser.authorization(new Nonce(), new CodeVerifier()));
        assertThat(authorizeAgain.headers().firstValue("Location").orElseThrow())
                .endsWith("/login");
    }

    @Test
    void aRefreshTokenWorksOnceAndOneUsedAgainRevokesTheSignIn() throws Exception {
        OIDCTokenResponse signedIn = new Browser().signIn("holder5", new Nonce());
        RefreshToken first = signedIn.getOIDCTokens().getRefreshToken();
        RefreshToken second = refresh(first).getOIDCTokens().getRefreshToken();

        ErrorObject reused = refreshError(first);
        assertThat(reused.getCode()).isEqualTo("invalid_grant");
        // whoever holds the newer one (the thief or the portal) is signed out too
        assertThat(refreshError(second).getCode()).isEqualTo("invalid_grant");
    }

    @Test
    void thePortalRevokesItsRefreshTokenAtSignOut() throws Exception {
        OIDCTokenResponse signedIn = new Browser().signIn("holder6", new Nonce());
        RefreshToken refreshToken = signedIn.getOIDCTokens().getRefreshToken();
        var revoked = new TokenRevocationRequest(issuer.getRevocationEndpointURI(), PORTAL, refreshToken)
                .toHTTPRequest()
                .send();
        assertThat(revoked.getStatusCode()).isEqualTo(200);
        assertThat(refreshError(refreshToken).getCode()).isEqualTo("invalid_grant");

        // a revocation that names no client is an OAuth error, not a redirect to the sign-in page
        HttpResponse<String> anonymous = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(issuer.getRevocationEndpointURI())
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("token=" + refreshToken.getValue()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("\"error\":\"invalid_client\"");
    }

    @Test
    void signingInOrOutWithNoClientToReturnToEndsOnAPageThatSaysSo() throws Exception {
        Browser browser = new Browser();
        URI login = URI.create(issuer.getIssuer().getValue() + "/login");
        HttpResponse<String> signedIn = browser.submitSignIn(login, "holder7");
        URI landing = Browser.resolve(signedIn);
        assertThat(landing.getPath()).isEqualTo("/signed-in");
        HttpResponse<String> page = browser.get(landing);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("You are signed in");

        // RP-initiated logout without a post_logout_redirect_uri: not a raw 401 at "/"
        Browser portalUser = new Browser();
        OIDCTokenResponse portal = portalUser.signIn("holder7", new Nonce());
        HttpResponse<String> loggedOut = portalUser.get(new LogoutRequest(
                        issuer.getEndSessionEndpointURI(),
                        SignedJWT.parse(portal.getOIDCTokens().getIDTokenString()))
                .toURI());
        assertThat(loggedOut.statusCode()).isEqualTo(302);
        HttpResponse<String> signedOut = portalUser.get(Browser.resolve(loggedOut));
        assertThat(signedOut.statusCode()).isEqualTo(200);
        assertThat(signedOut.body()).contains("You are signed out");
    }

    private static OIDCTokenResponse refresh(RefreshToken token) throws Exception {
        var response = OIDCTokenResponseParser.parse(
                new TokenRequest(issuer.getTokenEndpointURI(), PORTAL, new RefreshTokenGrant(token), null)
                        .toHTTPRequest()
                        .send());
        assertThat(response.indicatesSuccess()).as(String.valueOf(response)).isTrue();
        return (OIDCTokenResponse) response.toSuccessResponse();
    }

    private static ErrorObject refreshError(RefreshToken token) throws Exception {
        var response = OIDCTokenResponseParser.parse(
                new TokenRequest(issuer.getTokenEndpointURI(), PORTAL, new RefreshTokenGrant(token), null)
                        .toHTTPRequest()
                        .send());
        assertThat(response.indicatesSuccess()).isFalse();
        return ((TokenErrorResponse) response).getErrorObject();
    }

    /** A person's browser: cookies, no automatic redirects, and the sign-in page filled in. */
    private static final class Browser {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        URI authorization(Nonce nonce, CodeVerifier verifier) {
            return new AuthenticationRequest.Builder(
                            new ResponseType("code"), new Scope("openid", "profile", "email"), PORTAL, CALLBACK)
                    .endpointURI(issuer.getAuthorizationEndpointURI())
                    .state(new State("s1"))
                    .nonce(nonce)
                    .codeChallenge(verifier, CodeChallengeMethod.S256)
                    .build()
                    .toURI();
        }

        OIDCTokenResponse signIn(String user, Nonce nonce) throws Exception {
            CodeVerifier verifier = new CodeVerifier();
            HttpResponse<String> toLogin = get(authorization(nonce, verifier));
            assertThat(toLogin.statusCode()).isEqualTo(302);
            URI loginPage = resolve(toLogin);
            HttpResponse<String> signedIn = submitSignIn(loginPage, user);
            HttpResponse<String> toPortal = get(resolve(signedIn));
            assertThat(toPortal.statusCode()).isEqualTo(302);
            URI callback = resolve(toPortal);
            assertThat(callback.toString()).startsWith(CALLBACK.toString());
            AuthenticationSuccessResponse code =
                    AuthenticationResponseParser.parse(callback).toSuccessResponse();
            assertThat(code.getState()).isEqualTo(new State("s1"));
            AuthorizationCode authorizationCode = code.getAuthorizationCode();
            var tokens = OIDCTokenResponseParser.parse(new TokenRequest(
                            issuer.getTokenEndpointURI(),
                            PORTAL,
                            new AuthorizationCodeGrant(authorizationCode, CALLBACK, verifier),
                            null)
                    .toHTTPRequest()
                    .send());
            assertThat(tokens.indicatesSuccess()).as(String.valueOf(tokens)).isTrue();
            return (OIDCTokenResponse) tokens.toSuccessResponse();
        }

        /** The sign-in page filled in and sent, as a person does: the answer is a redirect. */
        HttpResponse<String> submitSignIn(URI loginPage, String user) throws Exception {
            HttpResponse<String> page = get(loginPage);
            assertThat(page.statusCode()).isEqualTo(200);
            Matcher csrf = CSRF.matcher(page.body());
            assertThat(csrf.find())
                    .as("the sign-in page has its form: " + page.body())
                    .isTrue();
            HttpResponse<String> signedIn = http.send(
                    HttpRequest.newBuilder(loginPage)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password="
                                    + URLEncoder.encode(CertTrailInstance.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                                    + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.statusCode()).isEqualTo(302);
            return signedIn;
        }

        HttpResponse<String> get(URI uri) throws Exception {
            return http.send(
                    HttpRequest.newBuilder(uri)
                            .header("Accept", "text/html")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        static URI resolve(HttpResponse<?> redirect) {
            return redirect.uri()
                    .resolve(redirect.headers().firstValue("Location").orElseThrow());
        }
    }
}
