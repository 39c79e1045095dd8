package io.certtrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import io.certtrail.e2e.CertTrailInstance.Response;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rule 8 and 9 over real HTTP: holders apply for their certificates, download electronic ones,
 * follow paper packages to the courier, and anyone verifies a certificate by its number, in a
 * real browser too.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CertificateStoryTest {

    @TempDir
    static Path dataDir;
    // Monday
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

    private static void certification(String id, String email, String number, String effective, String expires) {
        certification(id, email, number, effective, expires, "HCIA-Datacom");
    }

    /** An expert-level certificate: issued on paper (the default formats). */
    private static void paperCertification(String id, String email, String number, String effective, String expires) {
        certification(id, email, number, effective, expires, "HCIE-Datacom");
    }

    private static void certification(
            String id, String email, String number, String effective, String expires, String name) {
        Response recorded = app.post("/api/operator/records/certifications", "operator", """
                {"sourceRecordId":"%s","email":"%s","certificationName":"%s","certificateNumber":"%s",
                 "effectiveDate":"%s","expirationDate":"%s","renewal":true}""".formatted(
                        id, email, name, number, effective, expires));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
    }

    /**
     * The exam result of a candidate who sat under this name with this address: a printed name that
     * is a candidate's (or the account holder's) is printed without the office's review.
     */
    private static void sat(String email, String firstName, String lastName) {
        int id = email.hashCode() & 0x7fffffff;
        Response recorded =
                app.post("/api/operator/records/exams", "operator", """
                {"sourceRecordId":"SAT-%d","registrationNumber":"REG-SAT-%d","firstName":"%s","lastName":"%s",
                 "email":"%s","examCode":"H12-811","examName":"HCIA-Datacom","examDate":"2026-01-20","score":800,
                 "passed":true}""".formatted(id, id, firstName, lastName, email));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
        app.awaitProjectionsAtHead();
    }

    private static Response apply(
            String user, String recordId, String email, String format, String name, String mailing) {
        return app.postAsIs("/api/me/certificate-applications", user, """
                {"recordId":"%s","email":"%s","format":"%s","fullName":"%s","phone":"+86 139 2522 2157",
                 %s"acceptPrivacyStatement":true}""".formatted(
                        recordId, email, format, name, mailing == null ? "" : "\"mailing\":" + mailing + ","));
    }

    /** The application as the holder sees it, once the view has the version the command answered with. */
    private static JsonNode application(String user, Response accepted) {
        JsonNode body = accepted.json();
        Response view = app.get(
                "/api/me/certificate-applications/" + body.get("applicationId").asText() + "?minVersion="
                        + body.get("applicationVersion").asLong(),
                user);
        assertThat(view.status()).as(view.body()).isEqualTo(200);
        return view.json();
    }

    private static String problemCode(Response response) {
        assertThat(response.contentType()).as(response.body()).startsWith("application/problem+json");
        return response.json().get("code").asText();
    }

    @Test
    @Order(1)
    void anElectronicCertificateIsAppliedForDownloadedAndItsQrCodeLeadsToItsVerification() throws Exception {
        // took effect on Friday: today, Monday, is the working day after, so approval is immediate
        certification("E-1", "ruirui@example.com", "0101001011938060621", "2026-02-27", "2029-02-27");
        sat("ruirui@example.com", "瑞瑞", "李");
        long version = app.associate("holder4", "ruirui@example.com");
        app.get("/api/me/certificates?minVersion=" + version, "holder4");

        JsonNode eligible =
                app.get("/api/me/certificate-applications/eligible", "holder4").json();
        assertThat(eligible).extracting(e -> e.get("recordId").asText()).containsExactly("CERT:E-1");

        Response accepted = apply("holder4", "CERT:E-1", "ruirui@example.com", "ELECTRONIC", "李瑞瑞", null);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        assertThat(accepted.json().get("status").asText()).isEqualTo("APPROVED");
        JsonNode view = application("holder4", accepted);
        assertThat(view.get("format").asText()).isEqualTo("ELECTRONIC");
        assertThat(view.get("fullName").asText()).isEqualTo("李瑞瑞");
        assertThat(view.get("phone").asText()).isEqualTo("+86 *** **** 2157"); // masked, as in the guides
        assertThat(view.get("requestedAt").asText()).isEqualTo("2026-03-02T08:00:00Z");
        String download = view.get("downloadUrl").asText();

        // the format cannot change: a second application for the same certificate is refused
        Response again = apply(
                "holder4",
                "CERT:E-1",
                "ruirui@example.com",
                "PAPER",
                "李瑞瑞",
                "{\"recipient\":\"李瑞瑞\",\"phone\":\"+86 139 2522 2157\",\"address\":\"1 Bantian Road\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(problemCode(again)).isEqualTo("CERTIFICATE_ALREADY_APPLIED");
        assertThat(app.get("/api/me/certificate-applications/eligible", "holder4")
                        .json())
                .isEmpty();
        JsonNode certificate =
                app.get("/api/me/certificates", "holder4").json().get("items").get(0);
        assertThat(certificate.get("status").asText()).isEqualTo("APPROVED");
        assertThat(certificate.get("applicationId").asText())
                .isEqualTo(view.get("applicationId").asText());

        HttpResponse<byte[]> pdf = app.getBytes(download, "holder4");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        String verificationUrl;
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("李瑞瑞")
                    .contains("0101001011938060621")
                    .contains("HCIA-Datacom");
            // as a phone does: another resolution when one does not read (CertificatePdfTest.qrOf says why)
            verificationUrl = null;
            for (int dpi : new int[] {150, 200, 100, 300, 72}) {
                try {
                    verificationUrl = new MultiFormatReader()
                            .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(
                                    new PDFRenderer(document).renderImageWithDPI(0, dpi)))))
                            .getText();
                    break;
                } catch (com.google.zxing.NotFoundException notAtThisResolution) {
                    // the next one
                }
            }
        }
        String port = app.context.getEnvironment().getProperty("local.server.port");
        assertThat(verificationUrl).isEqualTo("http://localhost:" + port + "/verify/0101001011938060621");
        Response page = app.getHtml(verificationUrl);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Authentic and valid").contains("李**");

        // nobody else reaches it, not even by its identifier
        assertThat(app.getBytes(download, "holder5").statusCode()).isEqualTo(404);
        assertThat(app.get(
                                "/api/me/certificate-applications/"
                                        + view.get("applicationId").asText(),
                                "holder5")
                        .status())
                .isEqualTo(404);
    }

    @Test
    @Order(2)
    void anEarlyApplicationIsApprovedByTheOfficeFromTheWorkingDayAfterAndOnlyThenDownloads() {
        certification("E-2", "early@example.com", "0101001099000000001", "2026-03-02", "2029-03-02");
        sat("early@example.com", "José", "Núñez");
        app.associate("holder5", "early@example.com");
        Response accepted = apply("holder5", "CERT:E-2", "early@example.com", "ELECTRONIC", "José Núñez", null);
        assertThat(accepted.json().get("status").asText()).as(accepted.body()).isEqualTo("REQUESTED");
        JsonNode view = application("holder5", accepted);
        assertThat(view.get("availableFrom").asText()).isEqualTo("2026-03-03");
        assertThat(view.get("downloadUrl").isNull()).isTrue();
        String id = view.get("applicationId").asText();
        Response notYet = app.get("/api/me/certificate-applications/" + id + "/certificate.pdf", "holder5");
        assertThat(notYet.status()).isEqualTo(409);
        assertThat(notYet.json().get("detail").asText()).contains("2026-03-03");

        Response tooEarly = app.post("/api/operator/certificate-applications/" + id + "/approval", "operator", "");
        assertThat(tooEarly.status()).isEqualTo(422);
        assertThat(problemCode(tooEarly)).isEqualTo("NOT_YET_APPROVABLE");

        clock.advance(Duration.ofDays(1));
        Response approved = app.post("/api/operator/certificate-applications/" + id + "/approval", "operator", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(application("holder5", approved).get("status").asText()).isEqualTo("APPROVED");
        assertThat(app.getBytes("/api/me/certificate-applications/" + id + "/certificate.pdf", "holder5")
                        .statusCode())
                .isEqualTo(200);
        // a holder cannot approve
        assertThat(app.post("/api/operator/certificate-applications/" + id + "/approval", "holder5", "")
                        .status())
                .isEqualTo(403);
    }

    @Test
    @Order(3)
    void aThirdPartyAccountMayApplyButNotDownload() {
        certification("E-3", "outsider@example.com", "0101001099000000003", "2026-02-02", "2029-02-02");
        sat("outsider@example.com", "Out", "Sider");
        app.associate("outsider", "outsider@example.com");
        Response accepted = apply("outsider", "CERT:E-3", "outsider@example.com", "ELECTRONIC", "Out Sider", null);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        String id = application("outsider", accepted).get("applicationId").asText();
        Response refused = app.get("/api/me/certificate-applications/" + id + "/certificate.pdf", "outsider");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(problemCode(refused)).isEqualTo("THIRD_PARTY_ACCOUNT");
    }

    @Test
    @Order(4)
    void aPaperPackageIsShippedByLogisticsAndTheHolderGetsTheOrderNumberByMail() throws Exception {
        paperCertification("P-1", "paper@example.com", "0201001099000000001", "2026-02-02", "2029-02-02");
        sat("paper@example.com", "Ana", "Lúcia");
        app.associate("holder6", "paper@example.com");
        assertThat(apply("holder6", "CERT:P-1", "paper@example.com", "PAPER", "Ana Lúcia", null)
                        .status())
                .isEqualTo(400); // paper without mailing information
        Response accepted = apply(
                "holder6",
                "CERT:P-1",
                "paper@example.com",
                "PAPER",
                "Ana Lúcia",
                "{\"recipient\":\"Ana Lúcia\",\"phone\":\"+351 912 345 678\",\"address\":\"Rua Augusta 1\\nLisboa\"}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        String id = accepted.json().get("applicationId").asText();

        Response moved = app.put(
                "/api/me/certificate-applications/" + id + "/mailing-information",
                "holder6",
                "{\"recipient\":\"Ana Lúcia\",\"phone\":\"+351 912 345 678\",\"address\":\"Rua do Ouro 9\\nLisboa\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(application("holder6", moved).get("mailing").get("address").asText())
                .isEqualTo("Rua do Ouro 9\nLisboa");
        assertThat(application("holder6", moved).get("mailing").get("phone").asText())
                .isEqualTo("+351 *** **5 678");
        assertThat(app.getBytes("/api/me/certificate-applications/" + id + "/certificate.pdf", "holder6")
                        .statusCode())
                .isEqualTo(409); // paper is mailed, not downloaded

        // the exam centre may push records, not report shipments; logistics may
        String examCentre = app.clientToken("exam-centre", "exam-centre-demo");
        assertThat(app.postWithToken(
                                "/api/operator/certificate-applications/" + id + "/shipment",
                                examCentre,
                                "{\"courier\":\"SF Express\",\"expressOrderNumber\":\"SF1234567890\"}")
                        .status())
                .isEqualTo(403);
        String logistics = app.clientToken("logistics", "logistics-demo", "shipments.write");
        Response shipped = app.postWithToken(
                "/api/operator/certificate-applications/" + id + "/shipment",
                logistics,
                "{\"courier\":\"SF Express\",\"expressOrderNumber\":\"SF1234567890\"}");
        assertThat(shipped.status()).as(shipped.body()).isEqualTo(200);

        // activation, approval (paper: mailed within five to seven working days), then the shipment
        assertThat(CertTrailInstance.text(app.awaitMail("paper@example.com", 2)))
                .contains("has been approved")
                .contains("five to seven working days");
        String mail = CertTrailInstance.text(app.awaitMail("paper@example.com", 3));
        assertThat(mail).contains("SF Express").contains("SF1234567890");
        JsonNode view = application("holder6", shipped);
        assertThat(view.get("status").asText()).isEqualTo("SHIPPED");
        assertThat(view.get("expressOrderNumber").asText()).isEqualTo("SF1234567890");

        Response late = app.put(
                "/api/me/certificate-applications/" + id + "/mailing-information",
                "holder6",
                "{\"recipient\":\"Ana Lúcia\",\"phone\":\"+351 912 345 678\",\"address\":\"Elsewhere\"}");
        assertThat(late.status()).isEqualTo(409);
        assertThat(problemCode(late)).isEqualTo("ALREADY_SHIPPED");

        // lost in the post: replaced once, on request, approved by the office, shipped like the first
        Response lost = app.post(
                "/api/me/certificate-applications/" + id + "/replacement",
                "holder6",
                "{\"cause\":\"LOST\",\"mailing\":{\"recipient\":\"Ana Lúcia\",\"phone\":\"+351 912 345 678\","
                        + "\"address\":\"Rua Nova 5\\nPorto\"}}");
        assertThat(lost.status()).as(lost.body()).isEqualTo(200);
        assertThat(application("holder6", lost).get("replacement").get("status").asText())
                .isEqualTo("REQUESTED");
        assertThat(problemCode(app.post(
                        "/api/me/certificate-applications/" + id + "/replacement",
                        "holder6",
                        "{\"cause\":\"DAMAGED\"}")))
                .isEqualTo("REPLACEMENT_NOT_POSSIBLE");
        assertThat(app.post(
                                "/api/me/certificate-applications/" + id + "/replacement",
                                "holder6",
                                "{\"cause\":\"EATEN\"}")
                        .status())
                .isEqualTo(400);
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> app.get("/api/operator/certificate-applications/waiting", "operator")
                        .body()
                        .contains("REPLACEMENT_REQUESTED"));
        assertThat(app.post(
                                "/api/operator/certificate-applications/" + id + "/replacement/decision",
                                "operator",
                                "{\"approve\":false}")
                        .status())
                .isEqualTo(400); // a refusal needs a reason
        Response approvedReplacement = app.post(
                "/api/operator/certificate-applications/" + id + "/replacement/decision",
                "operator",
                "{\"approve\":true}");
        assertThat(approvedReplacement.status()).as(approvedReplacement.body()).isEqualTo(200);
        String shipper = app.clientToken("logistics", "logistics-demo", "shipments.read+shipments.write");
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> app.getWithToken("/api/operator/shipment-queue", shipper)
                                .json()
                                .get("count")
                                .asInt()
                        == 1);
        JsonNode again = app.getWithToken("/api/operator/shipment-queue", shipper)
                .json()
                .get("packages")
                .get(0);
        assertThat(again.get("replacement").asBoolean()).isTrue();
        assertThat(again.get("address").asText()).isEqualTo("Rua Nova 5\nPorto");
        Response reshipped = app.postWithToken(
                "/api/operator/certificate-applications/" + id + "/shipment",
                shipper,
                "{\"courier\":\"SF Express\",\"expressOrderNumber\":\"SF1234567891\"}");
        assertThat(reshipped.status()).as(reshipped.body()).isEqualTo(200);
        JsonNode replaced = application("holder6", reshipped);
        assertThat(replaced.get("replacement").get("status").asText()).isEqualTo("SHIPPED");
        assertThat(replaced.get("expressOrderNumber").asText()).isEqualTo("SF1234567891");
        // approval, shipment, replacement approved, replacement shipped: the last mail has the new order number
        assertThat(CertTrailInstance.text(app.awaitMail("paper@example.com", 5)))
                .contains("SF1234567891");
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> app.getWithToken("/api/operator/shipment-queue", shipper)
                                .json()
                                .get("count")
                                .asInt()
                        == 0);
        assertThat(problemCode(app.postWithToken(
                        "/api/operator/certificate-applications/" + id + "/shipment",
                        shipper,
                        "{\"courier\":\"EMS\",\"expressOrderNumber\":\"EE0000000009\"}")))
                .isEqualTo("ALREADY_SHIPPED");
        // an electronic certificate is never shipped
        Response electronic = app.post(
                "/api/operator/certificate-applications/app:CERT:E-1/shipment",
                "operator",
                "{\"courier\":\"SF Express\",\"expressOrderNumber\":\"SF0000000001\"}");
        assertThat(problemCode(electronic)).isEqualTo("NOT_PAPER");
        // and unknown applications are simply not found
        assertThat(app.post(
                                "/api/operator/certificate-applications/app:CERT:NOPE/shipment",
                                "operator",
                                "{\"courier\":\"SF Express\",\"expressOrderNumber\":\"SF0000000001\"}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    @Order(5)
    void badApplicationsGetClearErrorsAndChangeNothing() {
        certification("B-1", "bad@example.com", "0101001099000000009", "2026-02-02", "2029-02-02");
        app.associate("holder7", "bad@example.com");
        // someone else's certificate
        assertThat(problemCode(apply("holder7", "CERT:E-1", "bad@example.com", "ELECTRONIC", "Eve", null)))
                .isEqualTo("CERTIFICATE_NOT_ELIGIBLE");
        // an address that is not theirs
        assertThat(problemCode(apply("holder7", "CERT:B-1", "ruirui@example.com", "ELECTRONIC", "Eve", null)))
                .isEqualTo("ADDRESS_NOT_ASSOCIATED");
        // a format this certification is not issued in (HCIA: e-certificates only)
        assertThat(problemCode(apply(
                        "holder7",
                        "CERT:B-1",
                        "bad@example.com",
                        "PAPER",
                        "Eve",
                        "{\"recipient\":\"Eve\",\"phone\":\"+1 555 0100\",\"address\":\"1 Main St\"}")))
                .isEqualTo("FORMAT_NOT_OFFERED");
        assertThat(app.get("/api/me/certificate-applications/eligible", "holder7")
                        .json()
                        .get(0)
                        .get("formats")
                        .toString())
                .isEqualTo("[\"ELECTRONIC\"]");
        // digits or invisible characters in a printed name
        assertThat(apply("holder7", "CERT:B-1", "bad@example.com", "ELECTRONIC", "Eve 2", null)
                        .status())
                .isEqualTo(400);
        assertThat(apply("holder7", "CERT:B-1", "bad@example.com", "ELECTRONIC", "Eve\\u202e", null)
                        .status())
                .isEqualTo(400);
        Response noConsent = app.postAsIs("/api/me/certificate-applications", "holder7", """
                {"recordId":"CERT:B-1","email":"bad@example.com","format":"ELECTRONIC","fullName":"Eve",
                 "phone":"+1 555 0100","acceptPrivacyStatement":false}""");
        assertThat(problemCode(noConsent)).isEqualTo("PRIVACY_STATEMENT_NOT_ACCEPTED");
        assertThat(app.postAsIs("/api/me/certificate-applications", "holder7", "{\"recordId\":")
                        .status())
                .isEqualTo(400);
        assertThat(app.get("/api/me/certificate-applications/eligible", "holder7")
                        .json())
                .extracting(e -> e.get("recordId").asText())
                .containsExactly("CERT:B-1");
        assertThat(app.get("/api/me/certificate-applications", "holder7").json())
                .isEmpty();
    }

    @Test
    @Order(6)
    void anyoneVerifiesACertificateByItsNumberAndSeesTheNameOnlyIfTheyKnowIt() {
        JsonNode masked =
                app.get("/api/public/certificates/0101001011938060621", null).json();
        assertThat(masked.get("authentic").asBoolean()).isTrue();
        assertThat(masked.get("status").asText()).isEqualTo("VALID");
        assertThat(masked.get("certificationName").asText()).isEqualTo("HCIA-Datacom");
        assertThat(masked.get("holderName").asText()).isEqualTo("李**");
        assertThat(masked.get("nameMatches").isNull()).isTrue();

        JsonNode named = app.get("/api/public/certificates/0101001011938060621?name=%E6%9D%8E%E7%91%9E%E7%91%9E", null)
                .json();
        assertThat(named.get("holderName").asText()).isEqualTo("李瑞瑞");
        assertThat(named.get("nameMatches").asBoolean()).isTrue();
        JsonNode wrong = app.get("/api/public/certificates/0101001011938060621?name=Someone", null)
                .json();
        assertThat(wrong.get("holderName").asText()).isEqualTo("李**");
        assertThat(wrong.get("nameMatches").asBoolean()).isFalse();

        Response unknown = app.get("/api/public/certificates/0101001011938060622", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(problemCode(unknown)).isEqualTo("CERTIFICATE_NOT_FOUND");
        assertThat(unknown.body()).doesNotContain("0101001011938060621");
        assertThat(app.get("/api/public/certificates/%27%3B%20drop", null).status())
                .isEqualTo(400);

        certification("X-1", "old@example.com", "0101001099000000077", "2020-01-06", "2023-01-06");
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> app.get("/api/public/certificates/0101001099000000077", null)
                                .status()
                        == 200);
        assertThat(app.get("/api/public/certificates/0101001099000000077", null)
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("EXPIRED");
        assertThat(app.get("/api/public/certificates/0101001099000000077", null)
                        .json()
                        .get("holderName")
                        .isNull())
                .isTrue();

        Response revoked = app.post(
                "/api/operator/certificate-revocations",
                "operator",
                "{\"recordId\":\"CERT:E-2\",\"reason\":\"Exam result annulled\"}");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> "REVOKED"
                        .equals(app.get("/api/public/certificates/0101001099000000001", null)
                                .json()
                                .get("status")
                                .asText()));
        assertThat(app.getBytes("/api/me/certificate-applications/app:CERT:E-2/certificate.pdf", "holder5")
                        .statusCode())
                .isEqualTo(409);
        assertThat(app.post(
                                "/api/operator/certificate-revocations",
                                "holder5",
                                "{\"recordId\":\"CERT:E-2\",\"reason\":\"mine\"}")
                        .status())
                .isEqualTo(403);

        // the holder sees it in My Certificates and in the application, with the date
        JsonNode mine =
                app.get("/api/me/certificates", "holder5").json().get("items").get(0);
        assertThat(mine.get("certificateNumber").asText()).isEqualTo("0101001099000000001");
        assertThat(mine.get("certificateStatus").asText()).isEqualTo("REVOKED");
        assertThat(mine.get("revokedAt").asText()).isEqualTo(clock.instant().toString());
        JsonNode applicationView = app.get("/api/me/certificate-applications/app:CERT:E-2", "holder5")
                .json();
        assertThat(applicationView.get("certificateStatus").asText()).isEqualTo("REVOKED");
        assertThat(applicationView.get("revokedAt").asText())
                .isEqualTo(clock.instant().toString());
        assertThat(applicationView.get("downloadUrl").isNull()).isTrue();
        JsonNode valid =
                app.get("/api/me/certificates", "holder4").json().get("items").get(0);
        assertThat(valid.get("certificateStatus").asText()).isEqualTo("VALID");
        assertThat(valid.get("revokedAt").isNull()).isTrue();
        // and is told once, with the reason: activation, approval, revocation; revoking again changes nothing
        String told = CertTrailInstance.text(app.awaitMail("early@example.com", 3));
        assertThat(told).contains("revoked").contains("0101001099000000001").contains("Exam result annulled");
        Response again = app.post(
                "/api/operator/certificate-revocations",
                "operator",
                "{\"recordId\":\"CERT:E-2\",\"reason\":\"Exam result annulled\"}");
        assertThat(again.json().get("changed").asBoolean()).isFalse();
        app.awaitProjectionsAtHead();
        assertThat(app.mailsTo("early@example.com")).hasSize(3);
    }

    @Test
    @Order(7)
    void theVerificationPageWorksInARealBrowser() throws Exception {
        Chromium chromium = Chromium.orSkip(dataDir);
        String port = app.context.getEnvironment().getProperty("local.server.port");
        String dom = chromium.dom(
                "http://localhost:" + port + "/verify/0101001011938060621?name=%E6%9D%8E%E7%91%9E%E7%91%9E", 0);
        assertThat(dom)
                .contains("data-status=\"VALID\"")
                .contains("Authentic and valid")
                .contains("李瑞瑞")
                .contains("matches the name you entered");
        String form = chromium.dom("http://localhost:" + port + "/verify?number=0101001099000000001", 0);
        assertThat(form).contains("data-status=\"REVOKED\"").contains("J*** N****");
        String unknown = chromium.dom("http://localhost:" + port + "/verify?number=0000", 0);
        assertThat(unknown).contains("No certificate with this number was found");
        // asked about a day before it took effect: not valid yet, and its history
        String onDay =
                chromium.dom("http://localhost:" + port + "/verify?number=0101001011938060621&date=2026-01-01", 0);
        assertThat(onDay)
                .contains("id=\"status-on-date\" data-status=\"NOT_YET_VALID\"")
                .contains("not valid yet")
                .contains("issued, valid 2026-02-27 to 2029-02-27");
    }

    /** Last: it spends this client's look-ups. */
    @Test
    @Order(20)
    void someoneScanningForCertificateNumbersIsCutOffEvenFromNumbersThatExist() {
        int misses = 0;
        Response last = null;
        for (int i = 0; i < 30; i++) {
            last = app.get("/api/public/certificates/SCAN-" + i, null);
            if (last.status() == 429) {
                break;
            }
            assertThat(last.status()).isEqualTo(404);
            misses++;
        }
        assertThat(misses).isLessThanOrEqualTo(20);
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        assertThat(app.get("/api/public/certificates/0101001011938060621", null).status())
                .isEqualTo(429);
        assertThat(app.getHtml(app.baseUrl + "/verify/0101001011938060621").status())
                .isEqualTo(429);
    }

    /** Logistics' whole job: find what waits, hand it to the courier (CSV), report it shipped, until none is left. */
    @Test
    @Order(9)
    void logisticsWorksItsQueueOfPaperPackagesToEmpty() throws Exception {
        paperCertification("Q-1", "queue1@example.com", "0301001099000000001", "2026-02-02", "2029-02-02");
        paperCertification("Q-2", "queue2@example.com", "0301001099000000002", "2026-02-02", "2029-02-02");
        sat("queue1@example.com", "Wei", "Zhang");
        sat("queue2@example.com", "Ana", "Lúcia");
        app.associate("holder8", "queue1@example.com");
        app.associate("holder9", "queue2@example.com");
        Response first = apply(
                "holder8",
                "CERT:Q-1",
                "queue1@example.com",
                "PAPER",
                "Zhang Wei",
                "{\"recipient\":\"Zhang Wei\",\"phone\":\"+86 139 0000 0001\",\"address\":\"1 Bantian Road, Nanshan\\nShenzhen\"}");
        assertThat(first.json().get("status").asText()).as(first.body()).isEqualTo("APPROVED");
        clock.advance(Duration.ofMinutes(5));
        Response second = apply(
                "holder9",
                "CERT:Q-2",
                "queue2@example.com",
                "PAPER",
                "Ana Lúcia",
                "{\"recipient\":\"Ana Lúcia\",\"phone\":\"+351 912 345 678\",\"address\":\"=HYPERLINK(1)\\nLisboa\"}");
        assertThat(second.json().get("status").asText()).as(second.body()).isEqualTo("APPROVED");
        String firstId = first.json().get("applicationId").asText();
        String secondId = second.json().get("applicationId").asText();

        // a third, revoked after its approval: not in the queue, and its shipment is refused
        paperCertification("Q-3", "queue3@example.com", "0301001099000000003", "2026-02-02", "2029-02-02");
        sat("queue3@example.com", "Ola", "Nordmann");
        app.associate("holder10", "queue3@example.com");
        Response third = apply(
                "holder10",
                "CERT:Q-3",
                "queue3@example.com",
                "PAPER",
                "Ola Nordmann",
                "{\"recipient\":\"Ola Nordmann\",\"phone\":\"+47 912 34 567\",\"address\":\"Karl Johans gate 1\\nOslo\"}");
        assertThat(third.json().get("status").asText()).as(third.body()).isEqualTo("APPROVED");
        assertThat(app.post(
                                "/api/operator/certificate-revocations",
                                "operator",
                                "{\"recordId\":\"CERT:Q-3\",\"reason\":\"Issued in error\"}")
                        .status())
                .isEqualTo(200);
        app.awaitProjectionsAtHead();
        Response refused = app.post(
                "/api/operator/certificate-applications/"
                        + third.json().get("applicationId").asText() + "/shipment",
                "operator",
                "{\"courier\":\"SF Express\",\"expressOrderNumber\":\"SF0000000103\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(problemCode(refused)).isEqualTo("CERTIFICATE_REVOKED");

        String reader = app.clientToken("logistics", "logistics-demo", "shipments.read");
        String shipper = app.clientToken("logistics", "logistics-demo", "shipments.read+shipments.write");
        JsonNode queue = awaitQueue(reader, 2);
        JsonNode oldest = queue.get("packages").get(0);
        assertThat(oldest.get("applicationId").asText()).isEqualTo(firstId);
        assertThat(queue.get("packages").get(1).get("applicationId").asText()).isEqualTo(secondId);
        assertThat(oldest.get("recipient").asText()).isEqualTo("Zhang Wei");
        assertThat(oldest.get("phone").asText()).isEqualTo("+86 139 0000 0001");
        assertThat(oldest.get("address").asText()).isEqualTo("1 Bantian Road, Nanshan\nShenzhen");
        assertThat(oldest.get("printedName").asText()).isEqualTo("Zhang Wei");
        assertThat(oldest.get("certificateNumber").asText()).isEqualTo("0301001099000000001");
        // approved on Tuesday 2026-03-03: the seventh working day after is Thursday 2026-03-12
        assertThat(oldest.get("shipBy").asText()).isEqualTo("2026-03-12");
        assertThat(oldest.get("workingDaysLeft").asInt()).isEqualTo(7);
        assertThat(oldest.get("late").asBoolean()).isFalse();

        // the courier's import: RFC 4180, the multi-line address in one cell, a formula defused
        HttpResponse<byte[]> csv = app.getBytesWithToken("/api/operator/shipment-queue.csv", reader);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new java.io.StringReader(new String(csv.body(), StandardCharsets.UTF_8)))
                .getRecords();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("applicationId")).isEqualTo(firstId);
        assertThat(rows.get(0).get("recipient")).isEqualTo("Zhang Wei");
        assertThat(rows.get(0).get("address")).isEqualTo("1 Bantian Road, Nanshan\nShenzhen");
        assertThat(rows.get(0).get("workingDaysLeft")).isEqualTo("7");
        assertThat(rows.get(1).get("address")).isEqualTo("'=HYPERLINK(1)\nLisboa");
        assertThat(rows.get(1).get("phone")).isEqualTo("+351 912 345 678");

        // reading the queue is not shipping
        assertThat(app.postWithToken(
                                "/api/operator/certificate-applications/" + firstId + "/shipment",
                                reader,
                                "{\"courier\":\"SF Express\",\"expressOrderNumber\":\"SF0000000101\"}")
                        .status())
                .isEqualTo(403);
        // a week and a half later the second is late
        clock.advance(Duration.ofDays(10));
        assertThat(awaitQueue(reader, 2).get("packages").get(1).get("late").asBoolean())
                .isTrue();

        assertThat(app.postWithToken(
                                "/api/operator/certificate-applications/" + firstId + "/shipment",
                                shipper,
                                "{\"courier\":\"SF Express\",\"expressOrderNumber\":\"SF0000000101\"}")
                        .status())
                .isEqualTo(200);
        assertThat(awaitQueue(reader, 1)
                        .get("packages")
                        .get(0)
                        .get("applicationId")
                        .asText())
                .isEqualTo(secondId);
        assertThat(app.postWithToken(
                                "/api/operator/certificate-applications/" + secondId + "/shipment",
                                shipper,
                                "{\"courier\":\"EMS\",\"expressOrderNumber\":\"EE0000000102\"}")
                        .status())
                .isEqualTo(200);
        assertThat(awaitQueue(reader, 0).get("packages")).isEmpty();
        assertThat(app.get("/api/operator/shipment-queue", "operator")
                        .json()
                        .get("count")
                        .asInt())
                .isZero();
    }

    /**
     * A corrected certificate number flows into the application, its e-certificate and the register,
     * and the old number answers "replaced by" (a QR code printed before still verifies); a number
     * another record states is refused, one line at a time in an import too.
     */
    @Test
    @Order(10)
    void aCorrectedNumberFlowsEverywhereAndADuplicateNumberIsRefused() throws Exception {
        certification("COR-1", "corrected@example.com", "0401001099000000001", "2026-02-02", "2029-02-02");
        sat("corrected@example.com", "Kari", "Nordmann");
        app.associate("holder11", "corrected@example.com");
        Response accepted =
                apply("holder11", "CERT:COR-1", "corrected@example.com", "ELECTRONIC", "Kari Nordmann", null);
        assertThat(accepted.json().get("status").asText()).as(accepted.body()).isEqualTo("APPROVED");
        String id = accepted.json().get("applicationId").asText();

        Response corrected = app.post("/api/operator/records/certifications", "operator", """
                {"sourceRecordId":"COR-1","email":"corrected@example.com","certificationName":"HCIA-Datacom",
                 "certificateNumber":"0401001099000000002","effectiveDate":"2026-02-02","expirationDate":"2029-08-02",
                 "renewal":true}""");
        assertThat(corrected.json().get("outcome").asText())
                .as(corrected.body())
                .isEqualTo("CORRECTED");
        app.awaitProjectionsAtHead();

        JsonNode view =
                app.get("/api/me/certificate-applications/" + id, "holder11").json();
        assertThat(view.get("certificateNumber").asText()).isEqualTo("0401001099000000002");
        HttpResponse<byte[]> pdf =
                app.getBytes("/api/me/certificate-applications/" + id + "/certificate.pdf", "holder11");
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("0401001099000000002")
                    .contains("2029-08-02")
                    .doesNotContain("0401001099000000001");
        }
        JsonNode now = app.get("/api/public/certificates/0401001099000000002?name=Kari%20Nordmann", null)
                .json();
        assertThat(now.get("status").asText()).isEqualTo("VALID");
        assertThat(now.get("nameMatches").asBoolean()).isTrue();
        Response old = app.get("/api/public/certificates/0401001099000000001", null);
        assertThat(old.status()).as(old.body()).isEqualTo(200);
        assertThat(old.json().get("status").asText()).isEqualTo("REPLACED");
        assertThat(old.json().get("replacedBy").asText()).isEqualTo("0401001099000000002");
        assertThat(app.getHtml(app.baseUrl + "/verify/0401001099000000001").body())
                .contains("data-status=\"REPLACED\"")
                .contains("/verify/0401001099000000002");

        // another record with that number: refused, and nothing changes
        Response duplicate = app.post("/api/operator/records/certifications", "operator", """
                {"sourceRecordId":"DUP-1","email":"someone@example.com","certificationName":"HCIP-Datacom",
                 "certificateNumber":"0401001099000000002","effectiveDate":"2026-02-02","expirationDate":"2029-02-02",
                 "renewal":true}""");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(problemCode(duplicate)).isEqualTo("DUPLICATE_CERTIFICATE_NUMBER");
        Response imported = app.post("/api/operator/record-imports/certifications", "operator", "text/csv", """
                sourceRecordId,email,certificationName,certificateNumber,effectiveDate,expirationDate,renewal
                DUP-2,someone@example.com,HCIP-Datacom,0401001099000000002,2026-02-02,2029-02-02,true
                DUP-3,someone@example.com,HCIP-Datacom,0401001099000000003,2026-02-02,2029-02-02,true
                """);
        assertThat(imported.body())
                .contains("\"line\":2,\"outcome\":\"REJECTED\"")
                .contains("already stated by another record")
                .contains("\"line\":3,\"outcome\":\"RECORDED\"");
        app.awaitProjectionsAtHead();
        JsonNode still = app.get("/api/public/certificates/0401001099000000002?name=Kari%20Nordmann", null)
                .json();
        assertThat(still.get("certificationName").asText()).isEqualTo("HCIA-Datacom");
        assertThat(still.get("nameMatches").asBoolean()).isTrue();
        assertThat(app.get("/api/audit/events?aggregateId=CERT:DUP-1", "auditor")
                        .json()
                        .get("totalElements")
                        .asLong())
                .isZero();
    }

    /**
     * The first account that applied kept the application forever, even after the address went to
     * its rightful holder. The office voids it, with a reason; the applicant is told at their own
     * addresses; the rightful holder applies.
     */
    @Test
    @Order(11)
    void aVoidedApplicationLetsTheRightfulHolderApply() {
        certification("V-1", "contested@example.com", "0501001099000000001", "2026-02-02", "2029-02-02");
        sat("contested@example.com", "Right", "Person");
        app.associate("holder12", "holder12@example.com");
        app.associate("holder12", "contested@example.com");
        Response first = apply("holder12", "CERT:V-1", "contested@example.com", "ELECTRONIC", "Right Person", null);
        assertThat(first.json().get("status").asText()).as(first.body()).isEqualTo("APPROVED");
        String id = first.json().get("applicationId").asText();
        app.awaitMail("contested@example.com", 2); // activation, approval
        assertThat(app.post(
                                "/api/operator/email-unbindings",
                                "operator",
                                "{\"email\":\"contested@example.com\",\"reason\":\"Exam records of another person\"}")
                        .status())
                .isEqualTo(200);
        // the office is shown the application whose certificate's address left the applicant
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> app.get("/api/operator/certificate-applications/to-review", "operator")
                        .body()
                        .contains(id));
        JsonNode review = app.get("/api/operator/certificate-applications/to-review", "operator")
                .json()
                .get(0);
        assertThat(review.get("cause").asText()).isEqualTo("FORCED_UNBINDING");
        assertThat(review.get("accountId").asText()).isEqualTo("acct-h12");
        app.associate("holder13", "contested@example.com");
        app.awaitProjectionsAtHead();
        assertThat(problemCode(
                        apply("holder13", "CERT:V-1", "contested@example.com", "ELECTRONIC", "Right Person", null)))
                .isEqualTo("CERTIFICATE_ALREADY_APPLIED");

        assertThat(app.post(
                                "/api/operator/certificate-applications/" + id + "/voiding",
                                "holder13",
                                "{\"reason\":\"mine\"}")
                        .status())
                .isEqualTo(403);
        assertThat(app.post("/api/operator/certificate-applications/" + id + "/voiding", "operator", "{}")
                        .status())
                .isEqualTo(400);
        Response voided = app.post(
                "/api/operator/certificate-applications/" + id + "/voiding",
                "operator",
                "{\"reason\":\"Applied for by an account the certificate is not of\"}");
        assertThat(voided.status()).as(voided.body()).isEqualTo(200);
        assertThat(voided.json().get("status").asText()).isEqualTo("VOIDED");
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> !app.get("/api/operator/certificate-applications/to-review", "operator")
                        .body()
                        .contains(id));
        JsonNode wrong = application("holder12", voided);
        assertThat(wrong.get("status").asText()).isEqualTo("VOIDED");
        assertThat(wrong.get("voidReason").asText()).contains("not of");
        assertThat(wrong.get("downloadUrl").isNull()).isTrue();
        // told at the address still theirs (after its activation and the unbinding's notice), not at the one
        // that is someone else's now
        assertThat(CertTrailInstance.text(app.awaitMail("holder12@example.com", 3)))
                .contains("voided")
                .contains("0501001099000000001");

        Response rightful = apply("holder13", "CERT:V-1", "contested@example.com", "ELECTRONIC", "Right Person", null);
        assertThat(rightful.status()).as(rightful.body()).isEqualTo(201);
        assertThat(application("holder13", rightful).get("fullName").asText()).isEqualTo("Right Person");
        assertThat(app.getBytes("/api/me/certificate-applications/" + id + "/certificate.pdf", "holder13")
                        .statusCode())
                .isEqualTo(200);
        assertThat(app.getBytes("/api/me/certificate-applications/" + id + "/certificate.pdf", "holder12")
                        .statusCode())
                .isEqualTo(409);
    }

    /**
     * A printed name that is neither the account holder's nor an exam candidate's is not printed
     * until the office approves it; a holder asks for another name, and the office approves (a new
     * e-certificate, the register's name) or refuses it with a reason.
     */
    @Test
    @Order(12)
    void aNameThatIsNotTheHoldersWaitsForTheOfficeAndTheHolderMayAskForAnother() throws Exception {
        certification("N-1", "named@example.com", "0601001099000000001", "2026-02-02", "2029-02-02");
        app.associate("holder14", "named@example.com");
        Response accepted = apply("holder14", "CERT:N-1", "named@example.com", "ELECTRONIC", "Mallory Printed", null);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        // its day has come, but the name is not Holder14 Test's, nor a candidate's at that address
        assertThat(accepted.json().get("status").asText()).isEqualTo("REQUESTED");
        String id = accepted.json().get("applicationId").asText();
        JsonNode view = application("holder14", accepted);
        assertThat(view.get("nameReview").asBoolean()).isTrue();
        assertThat(view.get("downloadUrl").isNull()).isTrue();
        assertThat(waitingFor(id).get("reason").asText()).isEqualTo("NAME_REVIEW");
        assertThat(waitingFor(id).get("printedName").asText()).isEqualTo("Mallory Printed");

        // the office looked and approves it: the name is printed
        Response approved = app.post("/api/operator/certificate-applications/" + id + "/approval", "operator", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        view = application("holder14", approved);
        assertThat(view.get("status").asText()).isEqualTo("APPROVED");
        assertThat(view.get("nameReview").asBoolean()).isFalse();
        assertThat(pdfText("holder14", id)).contains("Mallory Printed");

        // the holder asks for another name; one request waits at a time
        String path = "/api/me/certificate-applications/" + id + "/printed-name-correction";
        Response asked = app.post(path, "holder14", "{\"fullName\":\"Mei Han\"}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        assertThat(application("holder14", asked)
                        .get("nameCorrection")
                        .get("status")
                        .asText())
                .isEqualTo("REQUESTED");
        assertThat(problemCode(app.post(path, "holder14", "{\"fullName\":\"Han Mei\"}")))
                .isEqualTo("NAME_CORRECTION_NOT_POSSIBLE");
        assertThat(app.post(path, "holder14", "{\"fullName\":\"H4x0r 1337\"}").status())
                .isEqualTo(400);
        assertThat(app.post(path, "holder13", "{\"fullName\":\"Mei Han\"}").status())
                .isEqualTo(404);
        JsonNode waits = waitingFor(id);
        assertThat(waits.get("reason").asText()).isEqualTo("NAME_CORRECTION_REQUESTED");
        assertThat(waits.get("requestedName").asText()).isEqualTo("Mei Han");

        String decision = "/api/operator/certificate-applications/" + id + "/printed-name-correction/decision";
        assertThat(app.post(decision, "holder14", "{\"approve\":true}").status())
                .isEqualTo(403);
        Response corrected = app.post(decision, "operator", "{\"approve\":true}");
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        view = application("holder14", corrected);
        assertThat(view.get("fullName").asText()).isEqualTo("Mei Han");
        assertThat(view.get("nameCorrection").get("status").asText()).isEqualTo("APPROVED");
        assertThat(pdfText("holder14", id)).contains("Mei Han").doesNotContain("Mallory");
        app.awaitProjectionsAtHead();
        assertThat(app.get("/api/public/certificates/0601001099000000001?name=Mei%20Han", null)
                        .json()
                        .get("nameMatches")
                        .asBoolean())
                .isTrue();
        assertThat(CertTrailInstance.text(app.awaitMail("named@example.com", 3)))
                .contains("Mei Han");
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> !app.get("/api/operator/certificate-applications/waiting", "operator")
                        .body()
                        .contains(id));

        // another request, refused: a reason is required, and the holder sees it
        assertThat(app.post(path, "holder14", "{\"fullName\":\"Mallory Printed\"}")
                        .status())
                .isEqualTo(200);
        assertThat(app.post(decision, "operator", "{\"approve\":false}").status())
                .isEqualTo(400);
        Response refused = app.post(decision, "operator", "{\"approve\":false,\"reason\":\"Not the holder's name\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(200);
        view = application("holder14", refused);
        assertThat(view.get("fullName").asText()).isEqualTo("Mei Han");
        assertThat(view.get("nameCorrection").get("status").asText()).isEqualTo("REFUSED");
        assertThat(view.get("nameCorrection").get("refusal").asText()).isEqualTo("Not the holder's name");
    }

    /** A waiting package whose certificate number was corrected is printed with the new number. */
    @Test
    @Order(13)
    void aWaitingPackageShowsItsCorrectedNumberToLogistics() {
        paperCertification("Q-4", "queue4@example.com", "0301001099000000004", "2026-02-02", "2029-02-02");
        sat("queue4@example.com", "Kari", "Holm");
        app.associate("holder15", "queue4@example.com");
        Response applied = apply(
                "holder15",
                "CERT:Q-4",
                "queue4@example.com",
                "PAPER",
                "Kari Holm",
                "{\"recipient\":\"Kari Holm\",\"phone\":\"+47 912 34 568\",\"address\":\"Karl Johans gate 2\\nOslo\"}");
        assertThat(applied.json().get("status").asText()).as(applied.body()).isEqualTo("APPROVED");
        String id = applied.json().get("applicationId").asText();
        Response corrected = app.post("/api/operator/records/certifications", "operator", """
                {"sourceRecordId":"Q-4","email":"queue4@example.com","certificationName":"HCIE-Datacom",
                 "certificateNumber":"0301001099000000005","effectiveDate":"2026-02-02","expirationDate":"2029-02-02",
                 "renewal":true}""");
        assertThat(corrected.json().get("outcome").asText())
                .as(corrected.body())
                .isEqualTo("CORRECTED");
        app.awaitProjectionsAtHead();
        JsonNode waiting =
                app.get("/api/operator/shipment-queue", "operator").json().get("packages");
        JsonNode entry = null;
        for (JsonNode p : waiting) {
            if (p.get("applicationId").asText().equals(id)) {
                entry = p;
            }
        }
        assertThat(entry).as(waiting.toString()).isNotNull();
        assertThat(entry.get("certificateNumber").asText()).isEqualTo("0301001099000000005");
        assertThat(app.post(
                                "/api/operator/certificate-applications/" + id + "/shipment",
                                "operator",
                                "{\"courier\":\"SF Express\",\"expressOrderNumber\":\"SF0000000104\"}")
                        .status())
                .isEqualTo(200);
    }

    /** A verifier asks whether a certificate was valid on a given day, and sees what happened to it. */
    @Test
    @Order(14)
    void aVerifierAsksAboutAnyDayAndSeesTheCertificatesHistory() {
        certification("D-1", "dated@example.com", "0701001099000000001", "2026-02-02", "2029-02-02");
        app.awaitProjectionsAtHead();
        String url = "/api/public/certificates/0701001099000000001?date=";
        assertThat(app.get(url + "2026-01-15", null).json().get("statusOnDate").asText())
                .isEqualTo("NOT_YET_VALID");
        JsonNode valid = app.get(url + "2026-06-30", null).json();
        assertThat(valid.get("statusOnDate").asText()).isEqualTo("VALID");
        assertThat(valid.get("onDate").asText()).isEqualTo("2026-06-30");
        assertThat(valid.get("status").asText()).isEqualTo("VALID");
        assertThat(app.get(url + "2029-02-03", null).json().get("statusOnDate").asText())
                .isEqualTo("EXPIRED");
        Response bad = app.get(url + "30.06.2026", null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(problemCode(bad)).isEqualTo("INVALID_INPUT");
        assertThat(app.get("/api/public/certificates/0701001099000000001", null)
                        .json()
                        .get("statusOnDate")
                        .isNull())
                .isTrue();

        assertThat(app.post(
                                "/api/operator/certificate-revocations",
                                "operator",
                                "{\"recordId\":\"CERT:D-1\",\"reason\":\"Issued in error\"}")
                        .status())
                .isEqualTo(200);
        app.awaitProjectionsAtHead();
        String today = app.get(url + "2026-06-30", null).json().get("checkedOn").asText();
        JsonNode revoked = app.get(url + today, null).json();
        assertThat(revoked.get("statusOnDate").asText()).isEqualTo("REVOKED");
        assertThat(app.get(url + java.time.LocalDate.parse(today).minusDays(1), null)
                        .json()
                        .get("statusOnDate")
                        .asText())
                .isEqualTo("VALID");
        assertThat(revoked.get("history"))
                .extracting(h -> h.get("kind").asText())
                .containsExactly("ISSUED", "REVOKED");
        assertThat(revoked.toString()).doesNotContain("dated@example.com").doesNotContain("Issued in error");
        // the page asks the same
        Response page = app.getHtml(app.baseUrl + "/verify/0701001099000000001?date=" + today);
        assertThat(page.body())
                .contains("id=\"status-on-date\" data-status=\"REVOKED\"")
                .contains("<ul id=\"history\">")
                .contains(": revoked</li>");
        assertThat(app.getHtml(app.baseUrl + "/verify/0701001099000000001?date=never")
                        .status())
                .isEqualTo(400);
    }

    /**
     * The catalogue: shipped defaults, the office's definitions over the API (audited), and the
     * certifications records name that the catalogue lacks, flagged to the office until defined.
     */
    @Test
    @Order(15)
    void theOfficeKeepsTheCatalogueAndSeesCertificationsItLacks() {
        JsonNode shipped = app.get("/api/public/catalogue", null).json();
        JsonNode datacom = null;
        for (JsonNode c : shipped) {
            if (c.get("certificationName").asText().equals("HCIE-Datacom")) {
                datacom = c;
            }
        }
        assertThat(datacom).as(shipped.toString()).isNotNull();
        assertThat(datacom.get("level").asText()).isEqualTo("EXPERT");
        assertThat(datacom.get("formats").toString()).isEqualTo("[\"PAPER\"]");
        assertThat(datacom.get("definedBy").asText()).isEqualTo("DEFAULT");

        certification("UNK-1", "quantum@example.com", "0801001099000000001", "2026-02-02", "2029-02-02");
        certification("UNK-2", "quantum@example.com", "0801001099000000002", "2026-02-02", "2029-02-02");
        // recorded with a name the catalogue lacks: kept and shown, and flagged to the office
        Response quantum = app.post("/api/operator/records/certifications", "operator", """
                {"sourceRecordId":"UNK-3","email":"quantum@example.com","certificationName":"HCIA-Quantum",
                 "certificateNumber":"0801001099000000003","effectiveDate":"2026-02-02","expirationDate":"2029-02-02",
                 "renewal":false}""");
        assertThat(quantum.status()).as(quantum.body()).isEqualTo(200);
        app.awaitProjectionsAtHead();
        JsonNode unknown = app.get("/api/operator/catalogue/unknown-certifications", "operator")
                .json();
        assertThat(unknown).extracting(u -> u.get("certificationName").asText()).containsExactly("HCIA-Quantum");
        assertThat(unknown.get(0).get("exampleRecordId").asText()).isEqualTo("CERT:UNK-3");
        assertThat(app.get("/api/public/certificates/0801001099000000003", null)
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("VALID");

        String definition = """
                {"track":"Quantum","level":"associate","validityMonths":24,"formats":["ELECTRONIC"],
                 "revivesExpired":false}""";
        Response defined = app.put("/api/operator/catalogue/certifications/HCIA-Quantum", "operator", definition);
        assertThat(defined.status()).as(defined.body()).isEqualTo(200);
        assertThat(defined.json().get("changed").asBoolean()).isTrue();
        assertThat(app.put("/api/operator/catalogue/certifications/HCIA-Quantum", "operator", definition)
                        .json()
                        .get("changed")
                        .asBoolean())
                .isFalse();
        app.awaitProjectionsAtHead();
        assertThat(app.get("/api/operator/catalogue/unknown-certifications", "operator")
                        .json())
                .isEmpty();
        JsonNode entry = null;
        for (JsonNode c : app.get("/api/public/catalogue", null).json()) {
            if (c.get("certificationName").asText().equals("HCIA-Quantum")) {
                entry = c;
            }
        }
        assertThat(entry).isNotNull();
        assertThat(entry.get("definedBy").asText()).isEqualTo("OFFICE");
        assertThat(entry.get("level").asText()).isEqualTo("ASSOCIATE");
        assertThat(entry.get("validityMonths").asInt()).isEqualTo(24);
        assertThat(app.get("/api/audit/events?aggregateId=catalogue", "auditor")
                        .json()
                        .get("totalElements")
                        .asLong())
                .isEqualTo(1);

        // bad input: a problem document, nothing recorded
        for (String bad : java.util.List.of(
                "{\"track\":\"Quantum\",\"level\":\"WIZARD\",\"validityMonths\":24,\"formats\":[\"ELECTRONIC\"]}",
                "{\"track\":\"Quantum\",\"level\":\"EXPERT\",\"validityMonths\":0,\"formats\":[\"ELECTRONIC\"]}",
                "{\"track\":\"Quantum\",\"level\":\"EXPERT\",\"validityMonths\":24,\"formats\":[]}")) {
            Response refused = app.put("/api/operator/catalogue/certifications/HCIE-Quantum", "operator", bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(app.put("/api/operator/catalogue/certifications/HCIE-Quantum", "holder1", definition)
                        .status())
                .isEqualTo(403);
        assertThat(app.get("/api/audit/events?aggregateId=catalogue", "auditor")
                        .json()
                        .get("totalElements")
                        .asLong())
                .isEqualTo(1);
    }

    /** On its expiration date a certificate is still valid; the day after, it reads EXPIRED and no longer downloads. */
    @Test
    @Order(16)
    void anExpiredCertificateReadsExpiredEverywhereAndNoLongerDownloads() throws Exception {
        String today = app.get("/api/public/certificates/0101001011938060621", null)
                .json()
                .get("checkedOn")
                .asText();
        String expires = java.time.LocalDate.parse(today).plusDays(2).toString();
        certification("EXP-1", "expiring@example.com", "0901001099000000001", "2026-01-05", expires);
        sat("expiring@example.com", "Kari", "Lund");
        app.associate("holder2", "expiring@example.com");
        Response applied = apply("holder2", "CERT:EXP-1", "expiring@example.com", "ELECTRONIC", "Kari Lund", null);
        assertThat(applied.json().get("status").asText()).as(applied.body()).isEqualTo("APPROVED");
        String id = applied.json().get("applicationId").asText();
        application("holder2", applied); // the view has the application (read your own write)
        assertThat(pdfText("holder2", id)).contains("Kari Lund");

        clock.advance(Duration.ofDays(2));
        assertThat(pdfText("holder2", id)).contains(expires); // its last day
        clock.advance(Duration.ofDays(1));
        Response refused = app.get("/api/me/certificate-applications/" + id + "/certificate.pdf", "holder2");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).contains("expired on " + expires);
        JsonNode view =
                app.get("/api/me/certificate-applications/" + id, "holder2").json();
        assertThat(view.get("certificateStatus").asText()).isEqualTo("EXPIRED");
        assertThat(view.get("downloadUrl").isNull()).isTrue();
        JsonNode mine =
                app.get("/api/me/certificates", "holder2").json().get("items").get(0);
        assertThat(mine.get("certificateStatus").asText()).isEqualTo("EXPIRED");
        JsonNode verified = app.get("/api/public/certificates/0901001099000000001?date=" + expires, null)
                .json();
        assertThat(verified.get("status").asText()).isEqualTo("EXPIRED");
        assertThat(verified.get("statusOnDate").asText()).isEqualTo("VALID");
    }

    private static JsonNode waitingFor(String applicationId) {
        JsonNode[] found = new JsonNode[1];
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (JsonNode waiting : app.get("/api/operator/certificate-applications/waiting", "operator")
                    .json()
                    .get("applications")) {
                if (waiting.get("applicationId").asText().equals(applicationId)) {
                    found[0] = waiting;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private static String pdfText(String user, String applicationId) throws Exception {
        HttpResponse<byte[]> pdf =
                app.getBytes("/api/me/certificate-applications/" + applicationId + "/certificate.pdf", user);
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            // every e-certificate carries the issuer's signature (PAdES)
            assertThat(document.getSignatureDictionaries()).hasSize(1);
            return new PDFTextStripper().getText(document);
        }
    }

    private static JsonNode awaitQueue(String token, int count) {
        JsonNode[] last = new JsonNode[1];
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            Response queue = app.getWithToken("/api/operator/shipment-queue", token);
            assertThat(queue.status()).as(queue.body()).isEqualTo(200);
            last[0] = queue.json();
            return last[0].get("count").asInt() == count;
        });
        return last[0];
    }
}
