package io.certtrail.events.sharing;

/** What a share link shows: one certificate, or a transcript of records the holder chose. */
public enum SharedKind {
    CERTIFICATE,
    TRANSCRIPT
}
