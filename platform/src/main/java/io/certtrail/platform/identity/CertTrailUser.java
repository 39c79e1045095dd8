package io.certtrail.platform.identity;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A user of the built-in directory: a login plus the account it acts as. */
public class CertTrailUser extends User {

    private final String accountId;

    public CertTrailUser(String username, String password, String accountId,
            Collection<? extends GrantedAuthority> authorities) {
        super(username, password, authorities);
        this.accountId = accountId;
    }

    public String accountId() {
        return accountId;
    }
}
