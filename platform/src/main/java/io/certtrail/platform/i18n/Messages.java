package io.certtrail.platform.i18n;

import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The message bundles, {@code i18n/messages} (English) and {@code i18n/messages_zh_CN}: one key
 * per text, every text in both (MessagesTest). Every message is a {@link java.text.MessageFormat}
 * pattern (a quote is written twice). The same source is Spring's {@code messageSource}.
 */
public final class Messages {

    static final ResourceBundleMessageSource SOURCE = create();

    private Messages() {}

    private static ResourceBundleMessageSource create() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("i18n/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(Locale.ENGLISH);
        source.setAlwaysUseMessageFormat(true);
        return source;
    }

    public static ResourceBundleMessageSource source() {
        return SOURCE;
    }

    public static String render(Text text, Locale locale) {
        return SOURCE.getMessage(text.key(), text.args().toArray(), locale == null ? Locale.ENGLISH : locale);
    }

    public static String render(String key, Locale locale, Object... args) {
        return render(Text.of(key, args), locale);
    }
}
