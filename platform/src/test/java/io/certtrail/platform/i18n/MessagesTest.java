package io.certtrail.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every text is in both languages, every pattern is a valid MessageFormat, and each language is spoken. */
class MessagesTest {

    private static Properties bundle(String name) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/i18n/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void aKeyInOneLanguageIsInTheOtherAndEveryPatternIsValid() throws Exception {
        Properties english = bundle("messages.properties");
        Properties chinese = bundle("messages_zh_CN.properties");
        Set<String> onlyEnglish = new TreeSet<>(english.stringPropertyNames());
        onlyEnglish.removeAll(chinese.stringPropertyNames());
        Set<String> onlyChinese = new TreeSet<>(chinese.stringPropertyNames());
        onlyChinese.removeAll(english.stringPropertyNames());
        assertThat(onlyEnglish).as("keys without a Chinese text").isEmpty();
        assertThat(onlyChinese).as("keys without an English text").isEmpty();
        for (String key : english.stringPropertyNames()) {
            MessageFormat en = new MessageFormat(english.getProperty(key), Locale.ENGLISH);
            MessageFormat zh = new MessageFormat(chinese.getProperty(key), Locale.SIMPLIFIED_CHINESE);
            // the same arguments in both: a translation neither drops nor invents one
            assertThat(zh.getFormatsByArgumentIndex().length).as(key).isEqualTo(en.getFormatsByArgumentIndex().length);
        }
    }

    @Test
    void textsAreRenderedInTheLanguageAskedForAndInEnglishOtherwise() {
        Text text = Text.of("problem.rate-limited", 30);
        assertThat(text.in(Locale.SIMPLIFIED_CHINESE)).isEqualTo("此类请求过多，请在 30 秒后重试。");
        assertThat(text.in(Locale.ENGLISH)).isEqualTo("Too many requests of this kind. Try again in 30 seconds.");
        assertThat(text.in(Locale.GERMAN)).isEqualTo(text.english());
        assertThat(Text.of("problem.demo-user-needed").english()).isEqualTo("Give a demo user's name and password.");
    }

    @Test
    void theAcceptLanguageHeaderPicksASpokenLanguageByWeight() {
        assertThat(Language.fromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8")).isEqualTo(Language.ZH_CN);
        assertThat(Language.fromAcceptLanguage("fr-FR, en;q=0.5, zh;q=0.4")).isEqualTo(Language.EN);
        assertThat(Language.fromAcceptLanguage("de, zh-Hans;q=0.7")).isEqualTo(Language.ZH_CN);
        assertThat(Language.fromAcceptLanguage("zh-TW")).isEqualTo(Language.EN); // traditional: not spoken yet
        assertThat(Language.fromAcceptLanguage("not a header;;;")).isEqualTo(Language.EN);
        assertThat(Language.fromAcceptLanguage(null)).isEqualTo(Language.EN);
        assertThat(Language.ofTag("zh-cn")).contains(Language.ZH_CN);
        assertThat(Language.ofTag("fr")).isEmpty();
    }
}
