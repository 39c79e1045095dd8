package io.certtrail.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Online backups of the embedded stores (README, "Run it on one server"): one ZIP file holding the
 * data directory as it was at one moment, which {@link Restore} unpacks into a new directory.
 *
 * <p>Consistency: the read-model store's writes wait while its file is copied and, still waiting,
 * while the event store copies itself (H2's {@code BACKUP TO}, online, transactionally consistent).
 * Commands go on meanwhile, until one needs a new person's key. So everything the read-model copy
 * holds (each processor's position, each person's key) belongs to events the event store's copy
 * holds, and the processors of a restored system carry on from their positions to its head: the
 * views match the restored event store. Whatever the views hold can be rebuilt from the event store
 * too; the person keys, link tokens and access records cannot, which is why both stores are copied.
 */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(
        name = "certtrail.embedded.enabled",
        havingValue = "true",
        matchIfMissing = true)
public class EmbeddedBackups {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBackups.class);
    static final String MANIFEST = "certtrail-backup.properties";
    private static final String EVENT_STORE_FILE = "eventstore.mv.db";
    private static final DateTimeFormatter NAME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final DurableH2Backend readModels;
    private final JdbcTemplate eventStore;
    private final Path dataDir;
    private final Path backupDir;
    private final Path signingKeystore;
    private final int keep;
    private final Clock clock;
    private final ReentrantLock oneAtATime = new ReentrantLock();

    /** One backup written: its file, size, and how long writes to the read models waited. */
    public record Backup(String name, long bytes, Instant takenAt, long eventsStored, long writesWaitedMillis) {}

    EmbeddedBackups(
            DurableH2Backend readModels,
            DataSource eventStore,
            EmbeddedProperties properties,
            @Value("${certtrail.backup.dir:}") String backupDir,
            @Value("${certtrail.signing.keystore:}") String signingKeystore,
            @Value("${certtrail.backup.keep:7}") int keep,
            Clock clock) {
        this.readModels = readModels;
        this.eventStore = new JdbcTemplate(eventStore);
        this.dataDir = properties.dataDir().toAbsolutePath().normalize();
        this.backupDir = backupDir.isBlank()
                ? dataDir.resolve("backups")
                : Path.of(backupDir).toAbsolutePath();
        this.signingKeystore =
                signingKeystore.isBlank() ? null : Path.of(signingKeystore).toAbsolutePath();
        this.keep = Math.max(1, keep);
        this.clock = clock;
    }

    /** On the schedule {@code certtrail.backup.cron} (production: nightly), keeping the newest {@code keep}. */
    @Scheduled(cron = "${certtrail.backup.cron:-}", zone = "UTC")
    void scheduled() {
        Backup backup = backUp();
        log.info(
                "Backup {} written ({} bytes, {} events; read-model writes waited {} ms)",
                backup.name(),
                backup.bytes(),
                backup.eventsStored(),
                backup.writesWaitedMillis());
        prune();
    }

    /** Writes one backup now; empty when another is being written. */
    public java.util.Optional<Backup> tryBackUp() {
        if (!oneAtATime.tryLock()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(write());
        } finally {
            oneAtATime.unlock();
        }
    }

    Backup backUp() {
        oneAtATime.lock();
        try {
            return write();
        } finally {
            oneAtATime.unlock();
        }
    }

    private Backup write() {
        Instant takenAt = clock.instant();
        String name = "certtrail-" + NAME.format(takenAt) + ".zip";
        try {
            Files.createDirectories(backupDir);
            Path work = Files.createTempDirectory(backupDir, ".backup-");
            try {
                Path readModelCopy = work.resolve("readmodels.zip");
                Path eventStoreCopy = work.resolve("eventstore.zip");
                long[] waited = new long[1];
                long[] events = new long[1];
                try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(readModelCopy))) {
                    waited[0] = System.nanoTime(); // from asking for the writes to wait until they go on
                    readModels.backUp(out, () -> {
                        events[0] = eventStore.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
                        eventStore.execute(
                                "BACKUP TO '" + eventStoreCopy.toString().replace("'", "''") + "'");
                    });
                    waited[0] = System.nanoTime() - waited[0];
                }
                Path partial = work.resolve(name);
                try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial))) {
                    Properties manifest = new Properties();
                    manifest.setProperty("taken-at", takenAt.toString());
                    manifest.setProperty("written-by", DataDirectory.release());
                    manifest.setProperty("format", String.valueOf(DataDirectory.FORMAT));
                    manifest.setProperty("views", String.valueOf(DataDirectory.VIEWS));
                    manifest.setProperty("events-at-least", String.valueOf(events[0]));
                    zip.putNextEntry(new ZipEntry(MANIFEST));
                    manifest.store(
                            zip,
                            "CertTrail backup: restore with java -jar certtrail-exec.jar restore <this file> <new data directory>");
                    zip.closeEntry();
                    copyOnlyEntry(readModelCopy, BsonStore.FILE, zip);
                    copyOnlyEntry(eventStoreCopy, EVENT_STORE_FILE, zip);
                    copyFile(dataDir.resolve(DataDirectory.MARKER), DataDirectory.MARKER, zip);
                    if (signingKeystore != null && dataDir.equals(signingKeystore.getParent())) {
                        copyFile(signingKeystore, signingKeystore.getFileName().toString(), zip);
                    }
                }
                restrict(partial); // before anyone can see it under its name
                Path target = backupDir.resolve(name);
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE); // never over another backup
                return new Backup(name, Files.size(target), takenAt, events[0], waited[0] / 1_000_000);
            } finally {
                deleteTree(work);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The backup could not be written to " + backupDir, e);
        }
    }

    /** The backups kept, newest first. */
    public List<Backup> list() {
        List<Backup> backups = new ArrayList<>();
        if (!Files.isDirectory(backupDir)) {
            return backups;
        }
        try (Stream<Path> files = Files.list(backupDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("certtrail-\\d{8}T\\d{9}Z\\.zip"))
                    .sorted(Comparator.reverseOrder())
                    .toList()) {
                Properties manifest = Restore.manifestOf(file);
                backups.add(new Backup(
                        file.getFileName().toString(),
                        Files.size(file),
                        Instant.parse(manifest.getProperty("taken-at")),
                        Long.parseLong(manifest.getProperty("events-at-least", "0")),
                        -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return backups;
    }

    /** Deletes all but the newest {@code keep} backups. */
    public void prune() {
        List<Backup> backups = list();
        for (Backup old : backups.subList(Math.min(keep, backups.size()), backups.size())) {
            try {
                Files.deleteIfExists(backupDir.resolve(old.name()));
                log.info("Backup {} deleted (keeping the newest {})", old.name(), keep);
            } catch (IOException e) {
                log.warn("Backup {} could not be deleted", old.name(), e);
            }
        }
    }

    /** The file a store's own backup wrote (named by its path on this machine), under the data directory's name. */
    private static void copyOnlyEntry(Path from, String as, ZipOutputStream to) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(from))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().endsWith(as)) {
                    to.putNextEntry(new ZipEntry(as));
                    in.transferTo(to);
                    to.closeEntry();
                    return;
                }
            }
        }
        throw new IOException("The store's own backup " + from + " holds no " + as);
    }

    private static void copyFile(Path from, String as, ZipOutputStream to) throws IOException {
        if (!Files.exists(from)) {
            return;
        }
        to.putNextEntry(new ZipEntry(as));
        try (InputStream in = Files.newInputStream(from)) {
            in.transferTo(to);
        }
        to.closeEntry();
    }

    /** A backup holds everyone's keys and data: readable by this user only, where the file system can say so. */
    static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException notPosix) {
            // Windows: the directory's permissions decide
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    Path directory() {
        return backupDir;
    }
}
