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
}
