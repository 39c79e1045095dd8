package io.certtrail.mode;

import java.util.Locale;
import org.springframework.core.env.Environment;

/**
 * The all-in-one application's two modes (README "Run it on one server"), chosen by one setting,
 * {@code CERTTRAIL_MODE} (or {@code --certtrail.mode}):
 *
 * <ul>
 *   <li>{@code demo}, the default and the README's first command: the demo identity provider with
 *       its users (passwords in the repository), {@code /dev/tokens}, {@code /dev/mails}, the
 *       stand-in mail server, demo secrets; on loopback only unless told otherwise.
 *   <li>{@code production}: the same jar with none of that. An outside OpenID Connect issuer, an
 *       outside SMTP relay and real secrets come from the environment, and it refuses to start
 *       without them. It runs as the Spring profile {@value #PRODUCTION_PROFILE}.
 * </ul>
 */
public enum RunMode {
    DEMO,
    PRODUCTION;

    /** The setting that chooses the mode. */
    public static final String PROPERTY = "certtrail.mode";

    /** The profile production mode runs as (application.yml's production document; the demo's beans are off in it). */
    public static final String PRODUCTION_PROFILE = "production";

    /** For {@code @Profile}: beans of the demo only. */
    public static final String NOT_PRODUCTION_PROFILE = "!" + PRODUCTION_PROFILE;

    static RunMode of(Environment environment) {
        String value = environment.getProperty(PROPERTY, "demo").trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "demo" -> DEMO;
            case "production" -> PRODUCTION;
            default ->
                throw new ModeRefused(PROPERTY + " (CERTTRAIL_MODE) must be demo or production, not '" + value + "'");
        };
    }
}
