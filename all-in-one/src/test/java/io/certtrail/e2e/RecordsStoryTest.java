package io.certtrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.certtrail.e2e.CertTrailInstance.Response;
import io.certtrail.platform.axon.ProcessingGroups;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records arrive from the senders, follow their addresses from account to account, and stay private. */
class RecordsStoryTest {

    @TempDir
    static Path dataDir;

    static MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    static CertTrailInstance app;

    @BeforeAll
    static void start() {
        app = CertTrailInstance.start(dataDir, clock);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static List<JsonNode> report(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/x-ndjson");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            try {
                lines.add(CertTrailInstance.JSON.readTree(line));
            } catch (Exception e) {
                throw new AssertionError(line, e);
            }
        }
        return lines;
    }

    private static JsonNode items(String user, String view, long minVersion) {
        Response response = app.get("/api/me/" + view + "?minVersion=" + minVersion, user);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("items");
    }

    @Test
    void aMixedBatchIsReportedLineByLineAndRecordsFollowTheirAddress() {
        List<JsonNode> exams = report(app.post("/api/operator/record-imports/exams", "operator", "text/csv", """
                sourceRecordId,registrationNumber,firstName,lastName,email,examCode,examName,examDate,score,passed
                MIX-1,REG-MIX1,Holder2,Test,mixed@example.com,H12-811,HCIA-Datacom,2026-02-20,780,true
                MIX-1,REG-MIX1,Holder2,Test,mixed@example.com,H12-811,HCIA-Datacom,2026-02-20,780,true
                MIX-1,REG-MIX1,Holder2,Test,mixed@example.com,H12-811,HCIA-Datacom,2026-02-20,820,true
                MIX-2,REG-MIX2,Holder2,Test,not-an-address,H12-811,HCIA-Datacom,2026-02-20,820,maybe
                MIX-3,REG-MIX3,Other,Person,other@example.com,H12-821,HCIP-Datacom,2026-02-21,700,true
                "unclosed,quote
                """));
        assertThat(exams.subList(0, 6))
                .extracting(l -> l.get("line").asInt() + ":" + l.get("outcome").asText())
                .containsExactly("2:RECORDED", "3:UNCHANGED", "4:CORRECTED", "5:REJECTED", "6:RECORDED", "7:REJECTED");
        assertThat(exams.get(3).get("reason").asText()).contains("email").contains("passed");
        assertThat(exams.get(6).get("summary").get("rejected").asInt()).isEqualTo(2);

        List<JsonNode> training =
                report(app.post("/api/operator/record-imports/training", "operator", "application/x-ndjson", """
                {"sourceRecordId":"T-MIX","email":"mixed@example.com","courseCode":"DC-101","courseName":"Datacom basics","provider":"Academy","startDate":"2026-01-05","endDate":"2026-01-09","result":"COMPLETED"}
                {"sourceRecordId":"T-BAD","email":"mixed@example.com"
                """));
        assertThat(training).extracting(l -> l.path("outcome").asText()).startsWith("RECORDED", "REJECTED");
        assertThat(app.post("/api/operator/records/certifications", "operator", """
                {"sourceRecordId":"C-MIX","email":"Mixed@Example.com","certificationName":"HCIA-Datacom",
                 "certificateNumber":"0101001011938060621","effectiveDate":"2026-02-21","expirationDate":"2029-02-21",
                 "renewal":true}""")
                        .json()
                        .get("outcome")
                        .asText())
                .isEqualTo("RECORDED");

        // nobody holds the address yet; once holder2 associates it, exactly its records show
        long version = app.associate("holder2", "mixed@example.com");
        JsonNode myExams = items("holder2", "exams", version);
        assertThat(myExams).hasSize(1);
        assertThat(myExams.get(0).get("score").asInt()).isEqualTo(820);
        assertThat(myExams.get(0).get("email").asText()).isEqualTo("m****@example.com");
        assertThat(items("holder2", "training", version))
                .extracting(t -> t.get("courseCode").asText())
                .containsExactly("DC-101");
        JsonNode certificate = items("holder2", "certificates", version).get(0);
        assertThat(certificate.get("status").asText()).isEqualTo("NOT_APPLIED");
        assertThat(certificate.get("certificationName").asText()).isEqualTo("HCIA-Datacom");
        assertThat(certificate.get("renewal").asBoolean()).isTrue();
        assertThat(certificate.get("expirationDate").asText()).isEqualTo("2029-02-21");

        // disassociated: gone on the next read
        Response asked = app.post("/api/me/email-disassociations", "holder2", "{\"email\":\"mixed@example.com\"}");
        Response confirmed = app.followLink(CertTrailInstance.linkIn(app.awaitMail("mixed@example.com", 2)));
        assertThat(confirmed.status()).as(asked.body()).isEqualTo(200);
        long after = confirmed.json().get("accountVersion").asLong();
        assertThat(items("holder2", "exams", after)).isEmpty();
        assertThat(items("holder2", "certificates", after)).isEmpty();

        // another account activates the address and sees them
        long other = app.associate("holder3", "mixed@example.com");
        assertThat(items("holder3", "exams", other))
                .extracting(e -> e.get("recordId").asText())
                .containsExactly("EXAM:MIX-1");
        assertThat(items("holder3", "certificates", other)).hasSize(1);
    }

    @Test
    void aHolderNeverSeesRecordsOfAnAddressNotActiveOnTheirOwnAccount() {
        app.post("/api/operator/records/exams", "operator", """
                {"sourceRecordId":"PRIV-1","registrationNumber":"REG-PRIV","firstName":"Holder7","lastName":"Test",
                 "email":"private@example.com","examCode":"H12-811","examName":"HCIA-Datacom","examDate":"2026-02-20",
                 "score":800,"passed":true}""");
        long version = app.associate("holder7", "private@example.com");
        assertThat(items("holder7", "exams", version)).hasSize(1);

        // holder8 asked for the address but never proved control of the mailbox: nothing shows
        Response pending = app.post("/api/me/email-associations", "holder8", "{\"email\":\"private@example.com\"}");
        long pendingVersion = pending.json().get("accountVersion").asLong();
        assertThat(items("holder8", "exams", pendingVersion)).isEmpty();
        // guessing identifiers gets nothing either: the views take no account, address or record id
        for (String guess : List.of(
                "/api/me/exams?accountId=acct-h7",
                "/api/me/exams?addressKey=x&recordId=EXAM:PRIV-1",
                "/api/me/exams?registrationNumber=REG-PRIV")) {
            Response response = app.get(guess, "holder8");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().get("items")).isEmpty();
        }
        assertThat(app.get("/api/me/exams/EXAM:PRIV-1", "holder8").status()).isEqualTo(404);
        assertThat(app.get("/api/me/exams", "operator").status()).isEqualTo(403);
    }

    @Test
    void recordsThatArriveAfterTheAssociationAppearWithinSeconds() {
        app.associate("holder4", "later@example.com");
        long sent = System.nanoTime();
        app.post("/api/operator/records/certifications", "operator", """
                {"sourceRecordId":"C-LATER","email":"later@example.com","certificationName":"HCIP-Security",
                 "certificateNumber":"0202","effectiveDate":"2026-02-21","expirationDate":"2029-02-21"}""");
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> app.get("/api/me/certificates", "holder4")
                                .json()
                                .get("totalElements")
                                .asInt()
                        == 1);
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void associationByScoreReportIsPossibleFromTheWorkingDayAfterTheExamAndLinksItsResults() {
        app.post("/api/operator/records/exams", "operator", """
                {"sourceRecordId":"SR-TODAY","registrationNumber":"REG-TODAY","firstName":"Ruirui","lastName":"李",
                 "email":"centre-address@example.com","examCode":"H12-811","examName":"HCIA-Datacom",
                 "examDate":"2026-03-02","score":900,"passed":true}""");
        String request = """
                {"method":"SCORE_REPORT","lastName":"李","firstName":"Ruirui","registrationNumber":"reg-today","email":"own@example.com"}""";
        Response tooEarly = app.post("/api/me/email-associations", "holder5", request);
        assertThat(tooEarly.status()).as(tooEarly.body()).isEqualTo(422);
        assertThat(tooEarly.json().get("type").asText()).endsWith("/score-report-not-matched");
        Response wrongName = app.post("/api/me/email-associations", "holder5", request.replace("Ruirui", "Mei"));
        assertThat(wrongName.status()).isEqualTo(422);
        assertThat(wrongName.json().get("detail")).isEqualTo(tooEarly.json().get("detail"));

        clock.advance(Duration.ofDays(1));
        Response accepted = app.post("/api/me/email-associations", "holder5", request);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        Response activated = app.followLink(CertTrailInstance.linkIn(app.awaitMail("own@example.com", 1)));
        JsonNode exams =
                items("holder5", "exams", activated.json().get("accountVersion").asLong());
        assertThat(exams).extracting(e -> e.get("recordId").asText()).containsExactly("EXAM:SR-TODAY");
    }

    @Test
    void theCertificationOfficeSeesSuspectBindingsAndUnbindsThem() {
        long version = app.associate("holder6", "borrowed@example.com");
        app.post("/api/operator/records/exams", "operator", """
                {"sourceRecordId":"SUS-1","registrationNumber":"REG-SUS","firstName":"Mei","lastName":"Zhang",
                 "email":"borrowed@example.com","examCode":"H12-811","examName":"HCIA-Datacom","examDate":"2026-02-20",
                 "score":800,"passed":true}""");
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> suspectFor("acct-h6") != null);
        JsonNode suspect = suspectFor("acct-h6");
        assertThat(suspect.get("email").asText()).isEqualTo("borr****@example.com");
        assertThat(suspect.get("candidateName").asText()).isEqualTo("Mei Zhang");
        assertThat(suspect.get("holderName").asText()).isEqualTo("Holder6 Test");
        assertThat(app.get("/api/operator/suspect-bindings", "holder6").status())
                .isEqualTo(403);

        Response unbound = app.post(
                "/api/operator/email-unbindings",
                "operator",
                "{\"addressKey\":\"" + suspect.get("addressKey").asText()
                        + "\",\"reason\":\"Exam results of Mei Zhang\"}");
        assertThat(unbound.status()).as(unbound.body()).isEqualTo(200);
        assertThat(unbound.json().get("unboundAccountId").asText()).isEqualTo("acct-h6");
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> suspectFor("acct-h6") == null);
        assertThat(items("holder6", "exams", version + 1)).isEmpty();
    }

    @Test
    void operatorsSeeEveryProcessorReachTheHeadOfTheStream() {
        app.associate("holder9", "progress@example.com");
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            JsonNode status = app.get("/api/operator/projections", "operator").json();
            long head = status.get("headPosition").asLong();
            assertThat(head).isPositive();
            assertThat(status.get("processors"))
                    .extracting(p -> p.get("name").asText())
                    .contains(
                            ProcessingGroups.RECORDS,
                            ProcessingGroups.MY_EMAIL_ADDRESSES,
                            ProcessingGroups.AUDIT_TRAIL,
                            ProcessingGroups.SUSPECT_BINDINGS,
                            ProcessingGroups.MAIL);
            assertThat(status.get("processors")).allSatisfy(processor -> {
                assertThat(processor.get("caughtUp").asBoolean())
                        .as(processor.toString())
                        .isTrue();
                assertThat(processor.get("position").asLong()).isEqualTo(head);
                assertThat(processor.get("behind").asLong()).isZero();
                assertThat(processor.get("error").asBoolean()).isFalse();
            });
        });
        assertThat(app.get("/api/operator/projections", "holder9").status()).isEqualTo(403);
    }

    private static JsonNode suspectFor(String accountId) {
        for (JsonNode item :
                app.get("/api/operator/suspect-bindings", "operator").json().get("items")) {
            if (item.get("accountId").asText().equals(accountId)) {
                return item;
            }
        }
        return null;
    }

    @Test
    void anImportItCannotReadIsRefusedClearly() {
        assertThat(app.post("/api/operator/record-imports/diplomas", "operator", "text/csv", "a\n")
                        .status())
                .isEqualTo(404);
        assertThat(app.post("/api/operator/record-imports/exams", "operator", "text/plain", "a\n")
                        .status())
                .isEqualTo(415);
        assertThat(app.post("/api/operator/record-imports/exams", "holder0", "text/csv", "a\n")
                        .status())
                .isEqualTo(403);
        List<JsonNode> badHeader = report(
                app.post("/api/operator/record-imports/exams", "operator", "text/csv", "name,shoe size\nx,42\n"));
        assertThat(badHeader.get(0).get("outcome").asText()).isEqualTo("REJECTED");
        assertThat(badHeader.get(0).get("reason").asText()).contains("header");
        assertThat(badHeader.get(1).get("summary").get("lines").asInt()).isEqualTo(1);

        byte[] invalidUtf8 = {
            '{',
            '"',
            's',
            'o',
            'u',
            'r',
            'c',
            'e',
            'R',
            'e',
            'c',
            'o',
            'r',
            'd',
            'I',
            'd',
            '"',
            ':',
            '"',
            (byte) 0xC3,
            (byte) 0x28,
            '"',
            '}',
            '\n'
        };
        Response broken =
                app.send(HttpRequest.newBuilder(URI.create(app.baseUrl + "/api/operator/record-imports/exams"))
                        .header("Content-Type", "application/x-ndjson")
                        .header("Authorization", "Bearer " + app.tokenFor("operator"))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(invalidUtf8)));
        assertThat(report(broken).get(0).get("reason").asText()).contains("invalid UTF-8");

        List<JsonNode> tooLong = report(app.post(
                "/api/operator/record-imports/exams",
                "operator",
                "application/x-ndjson",
                "{\"x\":\"" + "y".repeat(20_000) + "\"}\n"));
        assertThat(tooLong.get(0).get("reason").asText()).contains("longer than");
    }
}
