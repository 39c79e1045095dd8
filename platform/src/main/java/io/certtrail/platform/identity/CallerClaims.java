package io.certtrail.platform.identity;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * How an access token from the OpenID Connect issuer maps to a {@link Caller}: {@code sub} is the
 * account (or, for a client, the client id), {@code roles} the roles, {@code given_name} and
 * {@code family_name} the holder's name, {@code partner_company} the partner company. Unknown
 * roles grant nothing. {@code account_type: third-party} marks an account signed in through another
 * provider. A client's scopes become {@code SCOPE_} authorities, so one integration (logistics) can be
 * let do one thing more than the others.
 */
public final class CallerClaims implements Converter<Jwt, AbstractAuthenticationToken> {

    public static final String ROLES = "roles";
    public static final String PARTNER_COMPANY = "partner_company";
    public static final String ACCOUNT_TYPE = "account_type";
    public static final String THIRD_PARTY = "third-party";
    public static final String SHIPMENTS_SCOPE = "shipments.write";
    public static final String SHIPMENTS_READ_SCOPE = "shipments.read";

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Collection<GrantedAuthority> authorities = new java.util.ArrayList<>(authorities(roles(jwt)));
        scopes(jwt).forEach(scope -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }

    private static List<String> scopes(Jwt jwt) {
        Object scope = jwt.getClaims().get("scope");
        if (scope instanceof String names) {
            return List.of(names.split(" "));
        }
        if (scope instanceof Collection<?> names) {
            return names.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    static Set<Role> roles(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<String> names = jwt.hasClaim(ROLES) ? jwt.getClaimAsStringList(ROLES) : List.of();
        for (String name : names == null ? List.<String>of() : names) {
            try {
                roles.add(Role.valueOf(name));
            } catch (IllegalArgumentException ignored) {
                // a role we do not model grants nothing
            }
        }
        return roles;
    }

    static Collection<GrantedAuthority> authorities(Set<Role> roles) {
        return roles.stream()
                .<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r.name()))
                .toList();
    }

    static Caller caller(Jwt jwt) {
        return new Caller(
                jwt.getSubject(),
                roles(jwt),
                jwt.getClaimAsString("given_name"),
                jwt.getClaimAsString("family_name"),
                jwt.getClaimAsString(PARTNER_COMPANY),
                THIRD_PARTY.equals(jwt.getClaimAsString(ACCOUNT_TYPE)),
                jwt.getClaimAsString("email"));
    }
}
