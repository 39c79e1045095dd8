package io.certtrail.platform.privacy;

/** How personal data looks to anyone but its owner. */
public final class Masking {

    private Masking() {}

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

    /**
     * {@code +86 139 2522 2157} becomes {@code +86 *** **** 2157}: the country code and the last four
     * digits stay, enough for the holder to recognise their number; every other digit is hidden,
     * spaces and dashes kept. A number of four digits or fewer is hidden whole.
     */
    public static String phone(String number) {
        if (number == null) {
            return null;
        }
        long digits = number.chars().filter(Character::isDigit).count();
        int countryCode = 0;
        if (number.startsWith("+")) {
            int space = number.indexOf(' ');
            countryCode = space > 0 && space <= 4 ? space : 0;
        }
        StringBuilder masked = new StringBuilder();
        long seen = 0;
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (Character.isDigit(c)) {
                seen++;
                masked.append(i < countryCode || (digits > 4 && seen > digits - 4) ? c : '*');
            } else {
                masked.append(c);
            }
        }
        return masked.toString();
    }
}
