package io.certtrail.platform.i18n;

import java.util.Locale;
import java.util.Optional;

/** The languages CertTrail speaks: Simplified Chinese and English (the default). */
public enum Language {
    EN("en", Locale.ENGLISH),
    ZH_CN("zh-CN", Locale.SIMPLIFIED_CHINESE);

    private final String tag;
    private final Locale locale;

    Language(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    /** The BCP 47 tag, as the API takes and shows it. */
    public String tag() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }

    /** The language of this tag ({@code zh-CN}, {@code en}), or empty for one CertTrail does not speak. */
    public static Optional<Language> ofTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        for (Language language : values()) {
            if (language.tag.equalsIgnoreCase(tag.strip())) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /**
     * The language a locale asks for: any Chinese written in simplified characters (zh, zh-CN,
     * zh-Hans, zh-SG) is ZH_CN, any English is EN; empty for any other.
     */
    public static Optional<Language> of(Locale locale) {
        if (locale == null) {
            return Optional.empty();
        }
        if ("zh".equals(locale.getLanguage())) {
            boolean traditional = "Hant".equals(locale.getScript())
                    || (locale.getScript().isEmpty()
                            && java.util.Set.of("TW", "HK", "MO").contains(locale.getCountry()));
            return traditional ? Optional.empty() : Optional.of(ZH_CN);
        }
        if ("en".equals(locale.getLanguage())) {
            return Optional.of(EN);
        }
        return Optional.empty();
    }

    /**
     * The first language of an {@code Accept-Language} header that CertTrail speaks, by the
     * header's weights; English when it names none (or is absent or malformed).
     */
    public static Language fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return EN;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                if (range.getWeight() <= 0) {
                    continue;
                }
                Optional<Language> spoken = of(Locale.forLanguageTag(range.getRange()));
                if (spoken.isPresent()) {
                    return spoken.get();
                }
            }
        } catch (IllegalArgumentException malformed) {
            // a header we cannot read asks for nothing
        }
        return EN;
    }
}
