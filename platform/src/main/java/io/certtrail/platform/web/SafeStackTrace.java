package io.certtrail.platform.web;

/** A stack trace without exception messages, which may quote personal data from the input. */
public final class SafeStackTrace {

    private static final int FRAMES = 12;

    private SafeStackTrace() {}

    public static String of(Throwable error) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            out.append(t == error ? "" : "\ncaused by ").append(t.getClass().getName());
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(FRAMES, frames.length); i++) {
                out.append("\n\tat ").append(frames[i]);
            }
        }
        return out.toString();
    }
}
