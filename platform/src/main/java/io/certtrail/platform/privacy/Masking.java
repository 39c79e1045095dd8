package io.certtrail.platform.privacy;

/** How personal data looks to anyone but its owner. */
public final class Masking {

    private Masking() {
    }

    /**
     * {@code liwanshuang@example.com} becomes {@code liwansh****@example.com}, as in the guides:
     * at most seven characters shown, at least four hidden (all but one of a short local part).
     */
    public static String email(String address) {
        if (address == null) {
            return null;
        }
        int at = address.indexOf('@');
        if (at < 0) {
            return "****";
        }
        String local = address.substring(0, at);
        int keep = Math.min(7, Math.min(local.length() - 1, Math.max(1, local.length() - 4)));
        return local.substring(0, Math.max(0, keep)) + "****" + address.substring(at);
    }

    /**
     * {@code Wan Li} becomes {@code W** L*}, {@code 李瑞瑞} becomes {@code 李**}: the first letter of
     * each word and how long it is, enough for someone who knows the name to recognise it.
     */
    public static String personName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        StringBuilder masked = new StringBuilder();
        for (String word : name.strip().split("\\s+")) {
            if (!masked.isEmpty()) {
                masked.append(' ');
            }
            int first = word.codePointAt(0);
            masked.appendCodePoint(first).append("*".repeat(Math.max(1, word.codePointCount(0, word.length()) - 1)));
        }
        return masked.toString();
    }
}
