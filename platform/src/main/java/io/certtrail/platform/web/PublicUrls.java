package io.certtrail.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where the public pages are, as users see them: the base of the links in e-mails and of the
 * verification address printed and encoded on certificates.
 */
@Component
public class PublicUrls {

    private final String configured;
    private final Environment environment;

    public PublicUrls(@Value("${certtrail.links.public-base-url:}") String configured, Environment environment) {
        this.configured = configured;
        this.environment = environment;
    }

    public String verification(String certificateNumber) {
        return base() + "/verify/" + certificateNumber;
    }

    public String base() {
        if (configured != null && !configured.isBlank()) {
            return configured.replaceAll("/+$", "");
        }
        return "http://localhost:" + environment.getProperty("local.server.port", "8080");
    }
}
