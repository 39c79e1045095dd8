package io.certtrail.identity;

import io.certtrail.platform.identity.Role;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo directory of the embedded identity provider: who may sign in there, and what their
 * tokens say. The APIs never read it; they see only the token's claims.
 */
@ConfigurationProperties("certtrail.identity")
public record IdentityProperties(List<DemoUser> users) {

    public IdentityProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /**
     * @param password a Spring Security encoded password, e.g. {@code {bcrypt}...} or {@code {noop}...}
     * @param thirdParty the user stands for someone signed in through another provider's account
     */
    public record DemoUser(String username, String password, String accountId, Set<Role> roles, String firstName,
            String lastName, String partnerCompany, boolean thirdParty) {
    }
}
