package io.certtrail.command.records;

import java.util.Arrays;
import java.util.Optional;

/** What a sender sends; the prefix namespaces the sender's identifiers. */
public enum RecordKind {
    TRAINING("training", "TRAINING"),
    EXAM("exams", "EXAM"),
    CERTIFICATION("certifications", "CERT");

    private final String path;
    private final String prefix;

    RecordKind(String path, String prefix) {
        this.path = path;
        this.prefix = prefix;
    }

    public String recordId(String sourceRecordId) {
        return prefix + ":" + sourceRecordId;
    }

    public static Optional<RecordKind> fromPath(String path) {
        return Arrays.stream(values()).filter(kind -> kind.path.equals(path)).findFirst();
    }
}
