package io.certtrail.mode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The mode's conditions, checked on an environment alone (the application starts in RunModesTest). */
class ModeCheckTest {

    private static final Map<String, Object> PRODUCTION = Map.of(
            "certtrail.mode", "production",
            "certtrail.identity.issuer", "https://id.example.org/realms/certtrail",
            "spring.mail.host", "smtp.example.org",
            "certtrail.links.mail-from", "certificates@example.org",
            "certtrail.links.public-base-url", "https://certificates.example.org",
            "certtrail.address-key-secret", "a".repeat(40),
            "certtrail.signing.password", "b".repeat(40));

    private static StandardEnvironment environment(Map<String, Object> settings, boolean productionProfile) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", new HashMap<>(settings)));
        if (productionProfile) {
            environment.addActiveProfile(RunMode.PRODUCTION_PROFILE);
        }
        return environment;
    }

    private static Map<String, Object> productionWith(String key, Object value) {
        Map<String, Object> settings = new HashMap<>(PRODUCTION);
        if (value == null) {
            settings.remove(key);
        } else {
            settings.put(key, value);
        }
        return settings;
    }

    @Test
    void productionWithEverythingStarts() {
        assertThatCode(() -> new ModeCheck().postProcessEnvironment(environment(PRODUCTION, true), null))
                .doesNotThrowAnyException();
    }

    @Test
    void productionNamesEverythingMissingInOneMessage() {
        Map<String, Object> settings = new HashMap<>(PRODUCTION);
        settings.remove("certtrail.identity.issuer");
        settings.remove("spring.mail.host");
        settings.put("certtrail.address-key-secret", "short");
        assertThatThrownBy(() -> new ModeCheck().postProcessEnvironment(environment(settings, true), null))
                .isInstanceOf(ModeRefused.class)
                .hasMessageContaining("CERTTRAIL_ISSUER (the OpenID Connect issuer whose tokens to accept) is missing")
                .hasMessageContaining("CERTTRAIL_SMTP_HOST (the SMTP relay mail goes through) is missing")
                .hasMessageContaining("CERTTRAIL_ADDRESS_KEY_SECRET")
                .hasMessageContaining("at least 32 characters")
                .message()
                .doesNotContain("CERTTRAIL_SIGNING_PASSWORD");
    }

    @Test
    void productionRefusesTheDemosSecretsAndAddressesThatAreNot() {
        assertThatThrownBy(() -> new ModeCheck()
                        .postProcessEnvironment(
                                environment(
                                        productionWith("certtrail.signing.password", "embedded-demo-signing"), true),
                                null))
                .hasMessageContaining("CERTTRAIL_SIGNING_PASSWORD")
                .hasMessageContaining("is the demo's");
        assertThatThrownBy(() -> new ModeCheck()
                        .postProcessEnvironment(
                                environment(productionWith("certtrail.links.public-base-url", "certificates"), true),
                                null))
                .hasMessageContaining("CERTTRAIL_PUBLIC_BASE_URL")
                .hasMessageContaining("must be an http(s) address");
    }

    @Test
    void productionChosenTooLateIsRefused() {
        assertThatThrownBy(() -> new ModeCheck().postProcessEnvironment(environment(PRODUCTION, false), null))
                .isInstanceOf(ModeRefused.class)
                .hasMessageContaining("CERTTRAIL_MODE=production in the environment");
    }

    @Test
    void theDemoStaysOnLoopbackUnlessTold() {
        assertThatCode(() -> new ModeCheck()
                        .postProcessEnvironment(environment(Map.of("server.address", "127.0.0.1"), false), null))
                .doesNotThrowAnyException();
        assertThatCode(() -> new ModeCheck()
                        .postProcessEnvironment(environment(Map.of("server.address", "::1"), false), null))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> new ModeCheck()
                        .postProcessEnvironment(environment(Map.of("server.address", "0.0.0.0"), false), null))
                .isInstanceOf(ModeRefused.class)
                .hasMessageContaining("server.address is 0.0.0.0");
        assertThatThrownBy(() -> new ModeCheck().postProcessEnvironment(environment(Map.of(), false), null))
                .hasMessageContaining("unset (every interface)");
        assertThatCode(() -> new ModeCheck()
                        .postProcessEnvironment(
                                environment(
                                        Map.of(
                                                "server.address",
                                                "0.0.0.0",
                                                "certtrail.demo.listen-beyond-loopback",
                                                "true"),
                                        false),
                                null))
                .doesNotThrowAnyException();
    }

    @Test
    void anUnknownModeIsRefused() {
        assertThatThrownBy(() -> RunMode.of(environment(Map.of("certtrail.mode", "prod"), false)))
                .isInstanceOf(ModeRefused.class)
                .hasMessageContaining("must be demo or production, not 'prod'");
        assertThat(RunMode.of(environment(Map.of(), false))).isEqualTo(RunMode.DEMO);
    }
}
