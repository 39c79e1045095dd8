package io.certtrail.platform.i18n;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A text for a person, as its key in the message bundles ({@code i18n/messages}) and its
 * arguments, rendered in the reader's language when it is shown. The arguments are rendered as they
 * are (certificate numbers, dates in ISO form, names as written), never translated.
 */
public record Text(String key, List<String> args) {

    public Text {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static Text of(String key, Object... args) {
        return new Text(key, Arrays.stream(args).map(String::valueOf).toList());
    }

    public String in(Locale locale) {
        return Messages.render(this, locale);
    }

    /** The English text: for logs, and for callers that know no language. */
    public String english() {
        return in(Language.EN.locale());
    }
}
