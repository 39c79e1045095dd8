package io.certtrail.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The data directory's version marker ({@value #MARKER}), checked before any store in it is opened.
 * A directory of a newer format than this release knows is refused with a message, instead of
 * being misread. An older one is upgraded: its stored events are read by their upcasters as they
 * always are, and when the views' shape changed since it was written ({@value #VIEWS} here), every
 * view is rebuilt from the event store ({@link ViewsUpgrade}). A directory with stores and no marker
 * was written before markers existed: format 1, views 1.
 *
 * <p>Bump {@link #FORMAT} when the files' layout or the stored events change so that an older release
 * would misread them; bump {@link #VIEWS} when a projection's documents change shape.
 */
public class DataDirectory implements EnvironmentPostProcessor, Ordered {

    public static final String MARKER = "certtrail-data.properties";
    public static final int FORMAT = 2;
    public static final int VIEWS = 1;

    /** Set for {@link ViewsUpgrade} when this start found views of an older shape. */
    static final String VIEWS_FOUND = "certtrail.embedded.upgrade.views-found";

    private final org.apache.commons.logging.Log log;

    public DataDirectory(DeferredLogFactory logs) {
        this.log = logs.getLog(DataDirectory.class);
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 2;
    }

    /** What a data directory says of itself. */
    public record Marker(int format, int views, String writtenBy) {}

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("certtrail.embedded.enabled", Boolean.class, true)) {
            return;
        }
        Path dir = Path.of(environment.getProperty("certtrail.embedded.data-dir", "./data"))
                .toAbsolutePath()
                .normalize();
        String version = release();
        Marker found = read(dir);
        if (found == null) {
            write(dir, new Marker(FORMAT, VIEWS, version));
            return;
        }
        if (found.format() > FORMAT || found.views() > VIEWS) {
            throw new DataDirectoryRefused("The data directory " + dir + " was written by CertTrail "
                    + found.writtenBy() + " (data format " + found.format() + ", views " + found.views()
                    + "); this is CertTrail " + version + " (data format " + FORMAT + ", views " + VIEWS
                    + ") and would misread it. Run CertTrail " + found.writtenBy()
                    + " or newer on it, or restore into a new directory a backup this version wrote.");
        }
        if (found.format() < FORMAT) {
            log.info("Upgrading the data directory " + dir + " from data format " + found.format() + " (CertTrail "
                    + found.writtenBy() + ") to " + FORMAT + ": its stored events are read through their upcasters,"
                    + " the files are kept as they are, and the marker " + MARKER + " now says " + FORMAT + ".");
        }
        if (found.views() < VIEWS) {
            log.info("The views' shape changed since this data directory was written (views " + found.views() + " to "
                    + VIEWS + "): every view is rebuilt from the event store once started.");
            environment
                    .getPropertySources()
                    .addFirst(new MapPropertySource("dataDirectoryUpgrade", Map.of(VIEWS_FOUND, found.views())));
        }
        // the views' number moves on only once their rebuild is asked for (ViewsUpgrade)
        write(dir, new Marker(FORMAT, found.views(), version));
    }

    /** The marker, a directory's without one but with stores (format 1), or null for a new directory. */
    public static Marker read(Path dir) {
        Path marker = dir.resolve(MARKER);
        if (!Files.exists(marker)) {
            return Files.exists(dir.resolve("eventstore.mv.db")) ? new Marker(1, 1, "before 2026-12-03") : null;
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(marker, StandardCharsets.UTF_8)) {
            properties.load(in);
            return new Marker(
                    Integer.parseInt(properties.getProperty("format", "1").trim()),
                    Integer.parseInt(properties.getProperty("views", "1").trim()),
                    properties.getProperty("written-by", "unknown"));
        } catch (IOException | NumberFormatException e) {
            throw new DataDirectoryRefused(
                    "The data directory's marker " + marker + " cannot be read (" + e.getMessage() + ")");
        }
    }

    /** Written whole or not at all: a temporary file moved into place. */
    public static void write(Path dir, Marker marker) {
        try {
            Files.createDirectories(dir);
            Path next = dir.resolve(MARKER + ".next");
            try (Writer out = Files.newBufferedWriter(next, StandardCharsets.UTF_8)) {
                out.write(
                        "# Which CertTrail wrote this directory, read at every start: an older release refuses a newer"
                                + " format.\nformat=" + marker.format() + "\nviews=" + marker.views() + "\nwritten-by="
                                + marker.writtenBy() + "\n");
            }
            Files.move(next, dir.resolve(MARKER), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the data directory's marker in " + dir, e);
        }
    }

    static String release() {
        try (InputStream in = DataDirectory.class.getResourceAsStream("/certtrail-version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("certtrail.version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** A data directory this release must not open. */
    public static class DataDirectoryRefused extends io.certtrail.mode.ModeRefused {

        public DataDirectoryRefused(String message) {
            super(
                    message,
                    "Point certtrail.embedded.data-dir (CERTTRAIL_DATA_DIR) at a directory this release can open;"
                            + " README, \"Run it on one server\": upgrades and restores.");
        }
    }
}
