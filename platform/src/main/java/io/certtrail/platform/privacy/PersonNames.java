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

    private PersonNames() {}

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

    /**
     * Whether a name someone typed is the name on record, both given whole: words may come in any
     * order ("Li Wan" for "Wan Li"); for scripts written without spaces the whole name must match.
     */
    public static boolean sameFullName(String typed, String onRecord) {
        if (typed == null || onRecord == null || fold(typed).isEmpty()) {
            return false;
        }
        return fold(typed).equals(fold(onRecord)) || words(typed).equals(words(onRecord));
    }

    /**
     * Whether a whole name someone typed (to print on a certificate, say) is this given and family
     * name, in either order: "Wan Li" and "Li Wan" for Wan + Li, "李瑞瑞" for 瑞瑞 + 李.
     */
    public static boolean isNameOf(String typed, String first, String last) {
        if (fold(first).isEmpty() && fold(last).isEmpty()) {
            return false;
        }
        String given = Objects.requireNonNullElse(first, "");
        String family = Objects.requireNonNullElse(last, "");
        return sameFullName(typed, given + " " + family) || sameFullName(typed, family + " " + given);
    }

    private static java.util.List<String> words(String name) {
        return java.util.Arrays.stream(name.strip().split("\\s+"))
                .map(PersonNames::fold)
                .filter(w -> !w.isEmpty())
                .sorted()
                .toList();
    }

    static String fold(String name) {
        String decomposed = Normalizer.normalize(Objects.requireNonNullElse(name, ""), Normalizer.Form.NFKD);
        return decomposed
                .replaceAll("\\p{M}", "")
                .replaceAll("[^\\p{L}\\p{N}]", "")
                .toLowerCase(Locale.ROOT);
    }
}
