package io.certtrail.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.oidc.web.authentication.OidcLogoutAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;

/**
 * The end of an OpenID Connect sign-out: back to the client's registered post-logout address when it
 * gave one, else to a page that says the person is signed out (Spring's default was {@code /}, which
 * the API answers with a 401 problem document).
 */
final class SignOut {

    private static final OidcLogoutAuthenticationSuccessHandler TO_THE_CLIENT =
            new OidcLogoutAuthenticationSuccessHandler();

    private SignOut() {}

    static void redirect(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, jakarta.servlet.ServletException {
        if (authentication instanceof OidcLogoutAuthenticationToken logout
                && logout.isAuthenticated()
                && logout.getPostLogoutRedirectUri() != null
                && !logout.getPostLogoutRedirectUri().isBlank()) {
            TO_THE_CLIENT.onAuthenticationSuccess(request, response, authentication);
            return;
        }
        if (authentication instanceof OidcLogoutAuthenticationToken logout && logout.isPrincipalAuthenticated()) {
            new SecurityContextLogoutHandler().logout(request, response, (Authentication) logout.getPrincipal());
        }
        response.sendRedirect(request.getContextPath() + SignInPages.SIGNED_OUT);
    }
}
