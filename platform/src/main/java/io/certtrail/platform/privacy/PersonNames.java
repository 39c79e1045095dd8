package io.certtrail.platform.privacy;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;

/**
 * Whether two statements of a name plausibly mean the same person: case, accents, spaces and
 * punctuation do not count, and given and family name may come in either order ("Wan Li" and
 * "Li Wan"; 李 + 瑞瑞 and 瑞瑞 + 李).
 */
public final class PersonNames {

    private PersonNames() {
    }

    public static boolean samePerson(String firstA, String lastA, String firstB, String lastB) {
        String a1 = fold(firstA);
        String a2 = fold(lastA);
        String b1 = fold(firstB);
        String b2 = fold(lastB);
        if ((a1 + a2).isEmpty() || (b1 + b2).isEmpty()) {
            return false;
        }
        return (a1 + a2).equals(b1 + b2) || (a1 + a2).equals(b2 + b1);
    }

    static String fold(String name) {
        String decomposed = Normalizer.normalize(Objects.requireNonNullElse(name, ""), Normalizer.Form.NFKD);
        return decomposed.replaceAll("\\p{M}", "").replaceAll("[^\\p{L}\\p{N}]", "").toLowerCase(Locale.ROOT);
    }
}
