package io.certtrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium, for pages as a person's browser shows them. {@code .ci/run} installs
 * it and sets {@code CERTTRAIL_BROWSER_TESTS=required}; elsewhere a test without it is skipped.
 */
final class Chromium {

    private static final Path BINARY = Path.of("/usr/bin/chromium");

    private final Path workDir;

    private Chromium(Path workDir) {
        this.workDir = workDir;
    }

    /** The browser, or the test skipped (failed where browser tests are required). */
    static Chromium orSkip(Path workDir) {
        if (!Files.isExecutable(BINARY)) {
            boolean required = "required".equals(System.getenv("CERTTRAIL_BROWSER_TESTS"));
            assertThat(required)
                    .as("CERTTRAIL_BROWSER_TESTS=required but /usr/bin/chromium is missing")
                    .isFalse();
            Assumptions.abort("Debian's chromium is not installed (apt-get install chromium); .ci/run installs it");
        }
        return new Chromium(workDir);
    }

    /** The page's DOM once it has loaded and its scripts had {@code scriptMillis} to run. */
    String dom(String url, int scriptMillis) throws Exception {
        File out = workDir.resolve("dom-" + System.nanoTime() + ".html").toFile();
        run(
                out,
                scriptMillis > 0
                        ? List.of("--virtual-time-budget=" + scriptMillis, "--dump-dom", url)
                        : List.of("--dump-dom", url));
        return Files.readString(out.toPath(), StandardCharsets.UTF_8);
    }

    /** As {@link #dom(String, int)}, from a browser whose language is this one (its Accept-Language). */
    String domIn(String language, String url) throws Exception {
        File out = workDir.resolve("dom-" + System.nanoTime() + ".html").toFile();
        run(out, List.of("--lang=" + language, "--accept-lang=" + language, "--dump-dom", url));
        return Files.readString(out.toPath(), StandardCharsets.UTF_8);
    }

    /** The page as rendered, 1000 by 700 pixels. */
    BufferedImage screenshot(String url) throws Exception {
        Path png = workDir.resolve("shot-" + System.nanoTime() + ".png");
        run(null, List.of("--window-size=1000,700", "--hide-scrollbars", "--screenshot=" + png, url));
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("chromium wrote a screenshot").isNotNull();
        return image;
    }

    private void run(File out, List<String> arguments) throws Exception {
        Path profile = Files.createTempDirectory(workDir, "chromium");
        List<String> command = new ArrayList<>(List.of(
                BINARY.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.redirectOutput(out == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(out));
        Process process = builder.start();
        assertThat(process.waitFor(90, TimeUnit.SECONDS))
                .as("chromium finished")
                .isTrue();
    }
}
