package io.certtrail.platform.web;

import java.net.URI;

/** The OpenID Connect issuer that signs the tokens the API takes, as browsers reach it (no trailing slash). */
public record PublicIssuer(String url) {

    /** Scheme, host and port: what a content security policy names. */
    public String origin() {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
