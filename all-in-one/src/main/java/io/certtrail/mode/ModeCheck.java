package io.certtrail.mode;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start, before anything is opened, when the mode's conditions do not hold: in
 * production, every outside part and real secret it needs, all named in one message; in the demo,
 * listening beyond loopback without being told to.
 */
class ModeCheck implements EnvironmentPostProcessor, Ordered {

    /** The demo's secrets (application.yml): known to everyone who read the repository. */
    static final List<String> DEMO_SECRETS = List.of("embedded-demo-secret-change-me-please", "embedded-demo-signing");

    static final String LISTEN_BEYOND_LOOPBACK = "certtrail.demo.listen-beyond-loopback";
    static final int MIN_SECRET_LENGTH = 32;

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (RunMode.of(environment) == RunMode.PRODUCTION) {
            checkProduction(environment);
        } else {
            checkDemo(environment);
        }
    }

    private static void checkProduction(ConfigurableEnvironment environment) {
        if (!environment.acceptsProfiles(Profiles.of(RunMode.PRODUCTION_PROFILE))) {
            throw new ModeRefused("certtrail.mode=production was read from a configuration file, too late to leave the"
                    + " demo's parts out: set CERTTRAIL_MODE=production in the environment or --certtrail.mode=production"
                    + " on the command line.");
        }
        List<String> wrong = new ArrayList<>();
        url(
                environment,
                "certtrail.identity.issuer",
                "CERTTRAIL_ISSUER",
                "the OpenID Connect issuer whose tokens to accept",
                wrong);
        present(environment, "spring.mail.host", "CERTTRAIL_SMTP_HOST", "the SMTP relay mail goes through", wrong);
        present(
                environment,
                "certtrail.links.mail-from",
                "CERTTRAIL_MAIL_FROM",
                "the sender address of every mail",
                wrong);
        url(
                environment,
                "certtrail.links.public-base-url",
                "CERTTRAIL_PUBLIC_BASE_URL",
                "the address users reach CertTrail at: links in mails, verification on certificates",
                wrong);
        secret(
                environment,
                "certtrail.address-key-secret",
                "CERTTRAIL_ADDRESS_KEY_SECRET",
                "keys the hash that names each address; keep it, as changing it orphans every address",
                wrong);
        secret(
                environment,
                "certtrail.signing.password",
                "CERTTRAIL_SIGNING_PASSWORD",
                "protects the key that signs certificates and credentials",
                wrong);
        if (!wrong.isEmpty()) {
            throw new ModeRefused("Production mode cannot start: " + String.join("; ", wrong) + ".");
        }
    }

    private static void present(
            ConfigurableEnvironment environment, String property, String variable, String what, List<String> wrong) {
        String value = environment.getProperty(property);
        if (value == null || value.isBlank()) {
            wrong.add(variable + " (" + what + ") is missing");
        }
    }

    private static void url(
            ConfigurableEnvironment environment, String property, String variable, String what, List<String> wrong) {
        String value = environment.getProperty(property);
        if (value == null || value.isBlank()) {
            wrong.add(variable + " (" + what + ") is missing");
            return;
        }
        try {
            URI uri = URI.create(value.trim());
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                wrong.add(variable + " (" + what + ") must be an http(s) address, not '" + value + "'");
            }
        } catch (IllegalArgumentException e) {
            wrong.add(variable + " (" + what + ") must be an http(s) address, not '" + value + "'");
        }
    }

    private static void secret(
            ConfigurableEnvironment environment, String property, String variable, String what, List<String> wrong) {
        String value = environment.getProperty(property);
        if (value == null || value.isBlank()) {
            wrong.add(variable + " (" + what + ") is missing");
        } else if (DEMO_SECRETS.contains(value)) {
            wrong.add(variable + " (" + what + ") is the demo's, published in the repository: give your own");
        } else if (value.length() < MIN_SECRET_LENGTH) {
            wrong.add(variable + " (" + what + ") must be at least " + MIN_SECRET_LENGTH
                    + " characters (openssl rand -base64 33)");
        }
    }

    private static void checkDemo(ConfigurableEnvironment environment) {
        if (environment.getProperty(LISTEN_BEYOND_LOOPBACK, Boolean.class, false)) {
            return;
        }
        String address = environment.getProperty("server.address");
        if (!loopback(address)) {
            throw new ModeRefused("The demo listens on loopback only, and server.address is "
                    + (address == null || address.isBlank() ? "unset (every interface)" : address)
                    + ": its users' passwords are in the repository and /dev/mails shows every activation link"
                    + " without sign-in. Run production mode (CERTTRAIL_MODE=production), or, to show the demo on a"
                    + " network you trust, set CERTTRAIL_DEMO_LISTEN_BEYOND_LOOPBACK=true.");
        }
    }

    static boolean loopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address.trim()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
