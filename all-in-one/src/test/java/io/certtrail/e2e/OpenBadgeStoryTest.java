package io.certtrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.certtrail.e2e.CertTrailInstance.Response;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import org.awaitility.Awaitility;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rule 28 over HTTP: the holder downloads an Open Badges 3.0 credential for an approved electronic
 * certificate; it validates against 1EdTech's published JSON schema, and a verifier that shares no
 * code with the signer (jose4j, with the keys the issuer publishes) accepts its proof and reads its
 * status from the published Bitstring Status List, which shows the office's revocation.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenBadgeStoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EMAIL = "badge.wang@example.com";
    private static final String APPLICATION = "app:CERT:OB-1";

    @TempDir
    static Path dataDir;

    // Monday: the certificate took effect on Friday, so the application is approved at once
    static MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    static CertTrailInstance app;
    static Schema schema;

    @BeforeAll
    static void start() throws Exception {
        app = CertTrailInstance.start(dataDir, clock);
        try (InputStream in =
                OpenBadgeStoryTest.class.getResourceAsStream("/openbadges/ob_v3p0_achievementcredential_schema.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09)
                    .getSchema(in);
        }
        Response recorded = app.post("/api/operator/records/certifications", "operator", """
                {"sourceRecordId":"OB-1","email":"%s","certificationName":"HCIA-Datacom",
                 "certificateNumber":"0101001099000000501","effectiveDate":"2026-02-27","expirationDate":"2029-02-27"}""".formatted(EMAIL));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
        Response sat = app.post("/api/operator/records/exams", "operator", """
                {"sourceRecordId":"OB-E","registrationNumber":"REG-OB","firstName":"Lei","lastName":"Wang",
                 "email":"%s","examCode":"H12-811","examName":"HCIA-Datacom","examDate":"2026-01-20","score":800,
                 "passed":true}""".formatted(EMAIL));
        assertThat(sat.status()).as(sat.body()).isEqualTo(200);
        app.associate("holder3", EMAIL);
        app.awaitProjectionsAtHead();
        Response applied = app.postAsIs("/api/me/certificate-applications", "holder3", """
                {"recordId":"CERT:OB-1","email":"%s","format":"ELECTRONIC","fullName":"Wang Lei",
                 "phone":"+86 139 2522 2157","acceptPrivacyStatement":true}""".formatted(EMAIL));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        assertThat(applied.json().get("status").asText()).isEqualTo("APPROVED");
        app.awaitProjectionsAtHead();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String credential(String query) {
        HttpResponse<byte[]> response =
                app.getBytes("/api/me/certificate-applications/" + APPLICATION + "/credential" + query, "holder3");
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.statusCode()).as(body).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/vc+jwt");
        return body;
    }

    /** What a verifier does with the issuer's published keys, in another JOSE library: the payload, or null. */
    private static JsonNode verified(String jwt) throws Exception {
        HttpResponse<byte[]> published = app.getBytes("/api/public/issuer/keys", null);
        String body = new String(published.body(), StandardCharsets.UTF_8);
        assertThat(published.statusCode()).as(body).isEqualTo(200);
        JsonWebKeySet keys = new JsonWebKeySet(body);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, "ES256"));
        jws.setCompactSerialization(jwt);
        JsonWebKey key = keys.findJsonWebKey(jws.getKeyIdHeaderValue(), null, null, null);
        if (key == null) {
            return null;
        }
        jws.setKey(key.getKey());
        if (!jws.verifySignature()) {
            return null;
        }
        assertThat(jws.getHeader("typ")).isEqualTo("vc+jwt");
        return JSON.readTree(jws.getPayload());
    }

    /** The credential's bit in the status list it names, read as a verifier reads it. */
    private static int statusBit(JsonNode credential) throws Exception {
        JsonNode status = credential.get("credentialStatus");
        String path = URI.create(status.get("statusListCredential").asText()).getPath();
        HttpResponse<byte[]> list = app.getBytes(path, null);
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode listCredential = verified(new String(list.body(), StandardCharsets.UTF_8));
        assertThat(listCredential).as("the status list's proof").isNotNull();
        assertThat(listCredential.get("type").toString()).contains("BitstringStatusListCredential");
        JsonNode subject = listCredential.get("credentialSubject");
        assertThat(subject.get("statusPurpose").asText()).isEqualTo("revocation");
        String encoded = subject.get("encodedList").asText();
        assertThat(encoded).startsWith("u");
        byte[] bits;
        try (GZIPInputStream gzip = new GZIPInputStream(
                new ByteArrayInputStream(Base64.getUrlDecoder().decode(encoded.substring(1))))) {
            bits = gzip.readAllBytes();
        }
        assertThat(bits.length).isGreaterThanOrEqualTo(16 * 1024); // at least 131,072 entries
        int index = Integer.parseInt(status.get("statusListIndex").asText());
        return (bits[index >>> 3] >>> (7 - (index & 7))) & 1;
    }

    @Test
    @Order(1)
    void theCredentialFollowsTheOpenBadgesSchemaAndAnotherLibraryVerifiesItsProof() throws Exception {
        String jwt = credential("");
        JsonNode credential = verified(jwt);
        assertThat(credential).as("the proof, verified with jose4j").isNotNull();

        assertThat(schema.validate(credential.toString(), InputFormat.JSON)).isEmpty();
        // the schema test can fail: without its achievement, the subject is not an AchievementSubject
        ObjectNode broken = credential.deepCopy();
        ((ObjectNode) broken.get("credentialSubject")).remove("achievement");
        assertThat(schema.validate(broken.toString(), InputFormat.JSON)).isNotEmpty();

        assertThat(credential.get("@context").get(0).asText()).isEqualTo("https://www.w3.org/ns/credentials/v2");
        assertThat(credential.get("type").toString()).contains("OpenBadgeCredential");
        assertThat(credential.get("validFrom").asText()).isEqualTo("2026-02-27T00:00:00Z");
        assertThat(credential.get("validUntil").asText()).isEqualTo("2029-02-27T23:59:59Z");
        assertThat(credential.get("issuer").get("id").asText()).endsWith("/api/public/issuer");
        JsonNode achievement = credential.get("credentialSubject").get("achievement");
        assertThat(achievement.get("name").asText()).isEqualTo("HCIA-Datacom");
        assertThat(achievement.get("achievementType").asText()).isEqualTo("Certification");
        assertThat(achievement.get("fieldOfStudy").asText()).isNotBlank(); // the track
        assertThat(achievement.get("specialization").asText()).isNotBlank(); // the level
        assertThat(achievement.get("criteria").get("narrative").asText()).isNotBlank();

        // the subject: a salted hash of the address, never the address itself
        assertThat(jwt).doesNotContain("badge.wang");
        assertThat(credential.toString()).doesNotContain(EMAIL).doesNotContain("Wang Lei");
        JsonNode identity =
                credential.get("credentialSubject").get("identifier").get(0);
        String salt = identity.get("salt").asText();
        assertThat(salt).hasSizeGreaterThanOrEqualTo(32);
        assertThat(identity.get("identityHash").asText())
                .isEqualTo("sha256$"
                        + HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-256")
                                        .digest((EMAIL + salt).getBytes(StandardCharsets.UTF_8))));

        JsonNode status = credential.get("credentialStatus");
        assertThat(status.get("type").asText()).isEqualTo("BitstringStatusListEntry");
        assertThat(status.get("id").asText())
                .isEqualTo(status.get("statusListCredential").asText() + "#"
                        + status.get("statusListIndex").asText());
        assertThat(statusBit(credential)).isZero();

        // the issuer's profile is at its id
        JsonNode profile = app.get(
                        URI.create(credential.get("issuer").get("id").asText()).getPath(), null)
                .json();
        assertThat(profile.get("type").toString()).contains("Profile");

        // one changed character of the payload, and the proof fails
        String[] parts = jwt.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("HCIA-Datacom", "HCIE-Datacom");
        String tampered = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];
        assertThat(verified(tampered)).isNull();
    }

    @Test
    @Order(2)
    void theHolderMayNameThemselvesWithTheirOwnIdentifierButNotWithAnAddress() throws Exception {
        JsonNode credential = verified(credential("?subjectId=did:example:ebfeb1f712ebc6f1c276e12ec21"));
        assertThat(credential.get("credentialSubject").get("id").asText())
                .isEqualTo("did:example:ebfeb1f712ebc6f1c276e12ec21");
        assertThat(credential.get("credentialSubject").has("identifier")).isFalse();
        assertThat(credential.get("sub").asText()).isEqualTo("did:example:ebfeb1f712ebc6f1c276e12ec21");
        assertThat(schema.validate(credential.toString(), InputFormat.JSON)).isEmpty();

        Response refused = app.get(
                "/api/me/certificate-applications/" + APPLICATION + "/credential?subjectId=mailto:" + EMAIL, "holder3");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("code").asText()).isEqualTo("INVALID_INPUT");

        // nobody else gets it, not even by its identifier
        assertThat(app.get("/api/me/certificate-applications/" + APPLICATION + "/credential", "holder4")
                        .status())
                .isEqualTo(404);
        assertThat(app.get("/api/public/credential-status/x", null).status()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void afterTheOfficeRevokesTheCertificateItsBitIsSetAndTheVerifierSeesIt() throws Exception {
        JsonNode credential = verified(credential(""));
        assertThat(statusBit(credential)).isZero();

        Response revoked = app.post(
                "/api/operator/certificate-revocations",
                "operator",
                "{\"recordId\":\"CERT:OB-1\",\"reason\":\"Exam result annulled\"}");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> statusBit(credential) == 1);

        // no new credential for a revoked certificate
        assertThat(app.get("/api/me/certificate-applications/" + APPLICATION + "/credential", "holder3")
                        .status())
                .isEqualTo(409);
    }
}
