package io.certtrail.identity;

import io.certtrail.platform.identity.Role;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo directory of the embedded identity provider: who may sign in there, what their tokens
 * say, and how its pages look. The APIs never read it; they see only the token's claims.
 *
 * @param audience what every access token names as its audience, and what the APIs insist on: an ID
 *                 token (audience: the client) is then no bearer for them
 */
@ConfigurationProperties("certtrail.identity")
public record IdentityProperties(List<DemoUser> users, String audience, Branding branding) {

    public IdentityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        audience = audience == null || audience.isBlank() ? "certtrail" : audience;
        branding = branding == null ? new Branding(null, null, null) : branding;
    }

    /**
     * @param password a Spring Security encoded password, e.g. {@code {bcrypt}...} or {@code {noop}...}
     * @param thirdParty the user stands for someone signed in through another provider's account
     * @param email what the {@code email} scope tells a client; optional
     */
    public record DemoUser(
            String username,
            String password,
            String accountId,
            Set<Role> roles,
            String firstName,
            String lastName,
            String partnerCompany,
            boolean thirdParty,
            String email) {}

    /** The sign-in pages' name and colours, so a deployment can make them its own. */
    public record Branding(String name, String primaryColour, String backgroundColour) {

        private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?");

        public Branding {
            name = name == null || name.isBlank() ? "CertTrail" : name.strip();
            primaryColour = colour(primaryColour, "#0b5cad", "primary-colour");
            backgroundColour = colour(backgroundColour, "#f4f6f9", "background-colour");
        }

        /** Only a plain colour goes into the stylesheet: a setting cannot smuggle other CSS in. */
        private static String colour(String value, String fallback, String name) {
            if (value == null || value.isBlank()) {
                return fallback;
            }
            if (!COLOUR.matcher(value.strip()).matches()) {
                throw new IllegalArgumentException(
                        "certtrail.identity.branding." + name + " must be a colour like #0b5cad, not '" + value + "'");
            }
            return value.strip();
        }
    }
}
