package io.certtrail.platform.identity;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A user of the built-in directory: a login plus the account it acts as. */
public class CertTrailUser extends User {

    private final String accountId;
    private final String firstName;
    private final String lastName;

    public CertTrailUser(String username, String password, String accountId, String firstName, String lastName,
            Collection<? extends GrantedAuthority> authorities) {
        super(username, password, authorities);
        this.accountId = accountId;
        this.firstName = firstName;
        this.lastName = lastName;
    }

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }

    public String accountId() {
        return accountId;
    }
}
