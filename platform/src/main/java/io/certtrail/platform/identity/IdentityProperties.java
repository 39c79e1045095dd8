package io.certtrail.platform.identity;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The built-in user directory of the embedded default (HTTP Basic). A later step replaces it by
 * OpenID Connect tokens; the rest of the code sees only {@link Caller}.
 */
@ConfigurationProperties("certtrail.identity")
public record IdentityProperties(List<DemoUser> users) {

    public IdentityProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** @param password a Spring Security encoded password, e.g. {@code {bcrypt}...} or {@code {noop}...} */
    public record DemoUser(String username, String password, String accountId, Set<Role> roles, String firstName,
            String lastName, String partnerCompany) {
    }
}
