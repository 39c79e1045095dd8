package io.certtrail.command.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.certtrail.platform.i18n.Language;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Rule 30: a moment in a mail as each language writes it, to the minute, in UTC. */
class MailTimesTest {

    @Test
    void aMomentIsWrittenAsTheReadersLanguageWritesIt() {
        Instant moment = Instant.parse("2026-12-03T01:50:59Z");
        assertThat(MailTimes.format(moment, Language.EN)).isEqualTo("3 December 2026, 01:50 UTC");
        assertThat(MailTimes.format(moment, Language.ZH_CN)).isEqualTo("2026年12月3日 01:50 (UTC)");
        assertThat(MailTimes.format(moment)).isEqualTo(MailTimes.format(moment, Language.EN));
    }
}
