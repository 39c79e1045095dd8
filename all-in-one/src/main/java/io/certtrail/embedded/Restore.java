package io.certtrail.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Restores a backup ({@link EmbeddedBackups}) into a new data directory, with the application
 * stopped: {@code java -jar certtrail-exec.jar restore <backup.zip> <new data directory>}. It never
 * writes over a directory that holds anything; it unpacks beside it and moves the whole into place.
 * What comes back: every event stored when the backup was taken, the views as they were (their
 * processors carry on from there to the restored head at the next start), person keys, link tokens
 * and access records. Nothing written after the backup; an erasure done since is undone, and must be
 * done again (README).
 */
public final class Restore {

    private static final Set<String> FILES =
            Set.of(EmbeddedBackups.MANIFEST, BsonStore.FILE, "eventstore.mv.db", DataDirectory.MARKER);

    private Restore() {}

    /** The command: {@code restore <backup.zip> <new data directory>}. */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: java -jar certtrail-exec.jar restore <backup.zip> <new data directory>");
            System.exit(2);
        }
        try {
            Properties manifest = into(Path.of(args[0]), Path.of(args[1]));
            System.out.println("Restored the backup taken at " + manifest.getProperty("taken-at") + " by CertTrail "
                    + manifest.getProperty("written-by") + " into "
                    + Path.of(args[1]).toAbsolutePath()
                    + ". Start CertTrail with certtrail.embedded.data-dir (CERTTRAIL_DATA_DIR) set to it.");
        } catch (IllegalStateException | UncheckedIOException e) {
            System.err.println("Not restored: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Unpacks the backup into {@code dataDir}, which must not exist or be empty; answers the backup's manifest. */
    public static Properties into(Path backup, Path dataDir) {
        Path target = dataDir.toAbsolutePath().normalize();
        try {
            if (Files.isDirectory(target)) {
                try (Stream<Path> inside = Files.list(target)) {
                    if (inside.findAny().isPresent()) {
                        throw new IllegalStateException("The data directory " + target
                                + " is not empty: restore into a new directory, then point CERTTRAIL_DATA_DIR at it");
                    }
                }
            } else if (Files.exists(target)) {
                throw new IllegalStateException(target + " is not a directory");
            }
            Properties manifest = manifestOf(backup);
            int format = Integer.parseInt(manifest.getProperty("format", "0"));
            if (format > DataDirectory.FORMAT) {
                throw new IllegalStateException(
                        "The backup was written by CertTrail " + manifest.getProperty("written-by")
                                + " (data format " + format + "); this release reads format " + DataDirectory.FORMAT
                                + " at most: restore it with that release or a newer one");
            }
            Path parent = target.getParent();
            Files.createDirectories(parent);
            Path unpacking = Files.createTempDirectory(parent, ".restore-");
            try {
                try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(backup))) {
                    for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                        // the signing keystore keeps its own name (a site's own file in the data directory)
                        boolean keystore = entry.getName().matches("[A-Za-z0-9._-]+\\.p12");
                        if (!FILES.contains(entry.getName()) && !keystore) {
                            throw new IllegalStateException(
                                    "The backup holds " + entry.getName() + ", which no CertTrail backup holds");
                        }
                        if (!entry.getName().equals(EmbeddedBackups.MANIFEST)) {
                            Files.copy(zip, unpacking.resolve(entry.getName()));
                        }
                    }
                }
                for (String needed : new String[] {"eventstore.mv.db", BsonStore.FILE}) {
                    if (!Files.exists(unpacking.resolve(needed))) {
                        throw new IllegalStateException("The backup holds no " + needed + ": not a whole backup");
                    }
                }
                if (Files.isDirectory(target)) {
                    Files.delete(target); // empty, checked above
                }
                Files.move(unpacking, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                EmbeddedBackups.deleteTree(unpacking);
            }
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException("Restoring " + backup + " into " + target + " failed: " + e.getMessage(), e);
        }
    }

    /** A backup's manifest, read without unpacking the rest. */
    static Properties manifestOf(Path backup) {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(backup))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals(EmbeddedBackups.MANIFEST)) {
                    Properties manifest = new Properties();
                    manifest.load((InputStream) zip);
                    return manifest;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(backup + " is not a CertTrail backup (" + e.getMessage() + ")", e);
        }
        throw new IllegalStateException(backup + " is not a CertTrail backup: it has no " + EmbeddedBackups.MANIFEST);
    }
}
