package io.certtrail.query.certificate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Where the public pages are, as users see them: the address printed and encoded on certificates. */
@Component
public class PublicUrls {

    private final String configured;
    private final Environment environment;

    PublicUrls(@Value("${certtrail.links.public-base-url:}") String configured, Environment environment) {
        this.configured = configured;
        this.environment = environment;
    }

    public String verification(String certificateNumber) {
        return base() + "/verify/" + certificateNumber;
    }

    private String base() {
        if (configured != null && !configured.isBlank()) {
            return configured.replaceAll("/+$", "");
        }
        return "http://localhost:" + environment.getProperty("local.server.port", "8080");
    }
}
