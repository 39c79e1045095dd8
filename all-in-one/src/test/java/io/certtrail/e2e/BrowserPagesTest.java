package io.certtrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pages that people open in a browser, as Chromium renders them: Swagger UI and the sign-in page. */
class BrowserPagesTest {

    @TempDir
    static Path dataDir;

    static CertTrailInstance app;

    @BeforeAll
    static void start() {
        // a deployment's own name and colour on the sign-in page
        app = CertTrailInstance.start(
                dataDir,
                Clock.systemUTC(),
                Map.of(
                        "certtrail.identity.branding.name", "Acme Academy",
                        "certtrail.identity.branding.primary-colour", "#7a1f5c"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void swaggerUiRendersTheOperationsAndOffersSignIn() throws Exception {
        String dom = Chromium.orSkip(dataDir)
                .dom(app.baseUrl.replace("127.0.0.1", "localhost") + "/swagger-ui/index.html", 20_000);
        // blank under the API's own content security policy: no operation, no title
        assertThat(dom)
                .contains("CertTrail API")
                .contains("opblock")
                .contains("/api/me/email-associations")
                .contains("/api/audit/events")
                .containsIgnoringCase("authorize");
    }

    @Test
    void theSignInPageIsStyledInTheDeploymentsColours() throws Exception {
        Chromium chromium = Chromium.orSkip(dataDir);
        assertThat(chromium.dom(app.baseUrl + "/login", 0))
                .contains("Acme Academy")
                .contains("name=\"_csrf\"");
        BufferedImage page = chromium.screenshot(app.baseUrl + "/login");
        // the header band is drawn in the primary colour only when the stylesheet loaded (it answered 401 before)
        assertThat(page.getRGB(20, 15) & 0xFFFFFF).as("header colour").isEqualTo(0x7a1f5c);
        assertThat(page.getRGB(5, page.getHeight() - 5) & 0xFFFFFF)
                .as("page background")
                .isEqualTo(0xf4f6f9);
    }

    @Test
    void theSignedInAndSignedOutPagesSayWhatHappened() throws Exception {
        Chromium chromium = Chromium.orSkip(dataDir);
        assertThat(chromium.dom(app.baseUrl + "/signed-out", 0))
                .contains("You are signed out")
                .contains("Acme Academy");
        assertThat(chromium.dom(app.baseUrl + "/signed-in", 0)).contains("You are signed in");
    }
}
