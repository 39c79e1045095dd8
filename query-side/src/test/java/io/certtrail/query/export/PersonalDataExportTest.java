package io.certtrail.query.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.certtrail.query.audit.AuditEvent;
import io.certtrail.query.export.PersonalDataExport.ExportedEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rule 31: an event in a holder's export shows its fields and reason, who acted by role, and the
 * holder by name; never another person's account, client address or correlation. An auditor's
 * export shows all of it.
 */
class PersonalDataExportTest {

    private static AuditEvent unbinding(String actor) {
        return new AuditEvent(
                "evt-1",
                42,
                "Account",
                "acct-1",
                7,
                "EmailDisassociated",
                Instant.parse("2026-03-02T09:00:00Z"),
                actor,
                "OPERATOR",
                "203.0.113.57",
                "corr-1",
                "cause-1",
                "Forced unbinding by the certification office: wrong person",
                List.of("acct-1"),
                List.of("addr_1"),
                null,
                Map.of("email", "li@example.com"));
    }

    @Test
    void theHolderSeesWhatHappenedAndWhyButNotWhoElseActedOrFromWhere() {
        ExportedEvent mine = PersonalDataExport.shown(unbinding("operator-1"), "acct-1", false);
        assertThat(mine.actor()).isNull();
        assertThat(mine.actorRole()).isEqualTo("OPERATOR");
        assertThat(mine.clientAddress()).isNull();
        assertThat(mine.correlationId()).isNull();
        assertThat(mine.reason()).contains("wrong person");
        assertThat(mine.details()).containsEntry("email", "li@example.com");

        assertThat(PersonalDataExport.shown(unbinding("acct-1"), "acct-1", false)
                        .actor())
                .isEqualTo("acct-1");

        ExportedEvent audited = PersonalDataExport.shown(unbinding("operator-1"), "acct-1", true);
        assertThat(audited.actor()).isEqualTo("operator-1");
        assertThat(audited.clientAddress()).isEqualTo("203.0.113.57");
        assertThat(audited.correlationId()).isEqualTo("corr-1");
    }
}
