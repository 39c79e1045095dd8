package io.certtrail.query.credentials;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.error.ErrorCode;
import io.certtrail.platform.i18n.Text;
import io.certtrail.platform.web.PublicUrls;
import io.certtrail.query.catalogue.CatalogueReads;
import io.certtrail.query.certificate.IssuerKey;
import io.certtrail.query.certificate.MyCertificateApplications;
import io.certtrail.query.certificate.MyCertificateApplications.Issued;
import io.certtrail.query.credentials.CredentialStatusDocuments.StatusEntry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Open Badges 3.0 credentials (rule 28): for a holder's approved electronic certificate, an
 * {@code OpenBadgeCredential} (W3C Verifiable Credentials Data Model 2.0) secured with VC-JOSE: a
 * JWT ({@code typ: vc+jwt}) whose payload is the credential, signed ES256 by the issuer's key
 * ({@link IssuerKey}, published as a JWKS). Its {@code credentialStatus} points into a Bitstring
 * Status List this service publishes ({@link StatusLists}), so a verifier learns of a revocation
 * from the list alone.
 *
 * <p>The subject is named by a salted SHA-256 of the address the certificate was applied under
 * ({@code IdentityObject}), or by an identifier the holder chose (a DID or an https URL); never by
 * a plain e-mail address.
 */
@Component
public class OpenBadgeCredentials {

    static final String SCHEMA =
            "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";
    static final List<String> CONTEXT = List.of(
            "https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
    static final JOSEObjectType VC_JWT = new JOSEObjectType("vc+jwt");

    private final MyCertificateApplications applications;
    private final CatalogueReads catalogue;
    private final MongoTemplate mongo;
    private final PublicUrls urls;
    private final IssuerKey key;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final ECKey jwk;
    private final ECDSASigner signer;

    OpenBadgeCredentials(
            MyCertificateApplications applications,
            CatalogueReads catalogue,
            MongoTemplate mongo,
            PublicUrls urls,
            IssuerKey key,
            Clock clock) {
        this.applications = applications;
        this.catalogue = catalogue;
        this.mongo = mongo;
        this.urls = urls;
        this.key = key;
        this.clock = clock;
        if (!(key.certificate().getPublicKey() instanceof ECPublicKey publicKey)
                || !(key.privateKey() instanceof ECPrivateKey privateKey)
                || !Curve.P_256.equals(Curve.forECParameterSpec(publicKey.getParams()))) {
            throw new IllegalStateException(
                    "certtrail.signing.keystore: credentials are signed ES256, which needs an EC P-256 key");
        }
        try {
            this.jwk = new ECKey.Builder(Curve.P_256, publicKey)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint()
                    .build();
            this.signer = new ECDSASigner(privateKey);
        } catch (JOSEException e) {
            throw new IllegalStateException("The issuer's key cannot sign credentials", e);
        }
    }

    /** The issuer's public keys, as a JSON Web Key Set. */
    public Map<String, Object> keys() {
        return new JWKSet(jwk.toPublicJWK()).toJSONObject(true);
    }

    String issuerId() {
        return urls.base() + "/api/public/issuer";
    }

    /** The issuer's Open Badges profile, at its id. */
    public Map<String, Object> issuerProfile() {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("@context", CONTEXT);
        profile.put("id", issuerId());
        profile.put("type", List.of("Profile"));
        profile.put("name", key.signer());
        profile.put("url", urls.base());
        profile.put("description", "Issues and verifies the programme's certificates. Keys: " + keysUrl());
        return profile;
    }

    /** Where the status list with this number is published. */
    String statusListUrl(long list) {
        return urls.base() + "/api/public/credential-status/" + list;
    }

    String keysUrl() {
        return issuerId() + "/keys";
    }

    /** A credential and the name it is saved under. */
    public record Credential(String jwt, String filename) {}

    /**
     * The signed credential for this application's certificate.
     *
     * @param subjectId an identifier the holder chose for themselves (a DID or an https URL); empty:
     *        a salted hash of the address the certificate was applied under
     */
    public Credential issue(String applicationId, String accountId, boolean thirdParty, Optional<String> subjectId) {
        subjectId.ifPresent(OpenBadgeCredentials::checkSubject);
        Issued certificate = applications.issued(applicationId, accountId, thirdParty);
        StatusEntry status = mongo.findById(
                StatusEntry.idOf(certificate.recordId(), certificate.certificateNumber()), StatusEntry.class);
        if (status == null) {
            throw new DomainException(ErrorCode.READ_MODEL_BEHIND, Text.of("problem.open-badge-credentials.1"));
        }
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Map<String, Object> credential = credential(certificate, status, subjectId, now);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
        credential.forEach(claims::claim);
        claims.issuer(issuerId())
                .jwtID((String) credential.get("id"))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(start(certificate.effectiveDate())))
                .expirationTime(
                        certificate.expirationDate() == null ? null : Date.from(end(certificate.expirationDate())));
        subjectId.ifPresent(claims::subject);
        return new Credential(sign(claims.build()), "certificate-" + certificate.certificateNumber() + ".jwt");
    }

    String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .type(VC_JWT)
                        .contentType("vc")
                        .keyID(jwk.getKeyID())
                        .build(),
                claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("The credential cannot be signed", e);
        }
        return jwt.serialize();
    }

    private Map<String, Object> credential(
            Issued certificate, StatusEntry status, Optional<String> subjectId, Instant now) {
        String base = urls.base();
        Map<String, Object> issuer = new LinkedHashMap<>();
        issuer.put("id", issuerId());
        issuer.put("type", List.of("Profile"));
        issuer.put("name", key.signer());
        issuer.put("url", base);

        Map<String, Object> subject = new LinkedHashMap<>();
        subjectId.ifPresent(id -> subject.put("id", id));
        subject.put("type", List.of("AchievementSubject"));
        if (subjectId.isEmpty()) {
            String salt = HexFormat.of().formatHex(randomBytes());
            subject.put(
                    "identifier",
                    List.of(Map.of(
                            "type",
                            "IdentityObject",
                            "identityHash",
                            "sha256$" + sha256(certificate.email().toLowerCase(Locale.ROOT) + salt),
                            "identityType",
                            "emailAddress",
                            "hashed",
                            true,
                            "salt",
                            salt)));
        }
        subject.put("licenseNumber", certificate.certificateNumber());
        subject.put("achievement", achievement(certificate.certificationName(), issuer));

        String list = statusListUrl(status.list());
        Map<String, Object> credentialStatus = new LinkedHashMap<>();
        credentialStatus.put("id", list + "#" + status.index());
        credentialStatus.put("type", "BitstringStatusListEntry");
        credentialStatus.put("statusPurpose", "revocation");
        credentialStatus.put("statusListIndex", String.valueOf(status.index()));
        credentialStatus.put("statusListCredential", list);

        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("@context", CONTEXT);
        credential.put(
                "id",
                "urn:uuid:"
                        + UUID.nameUUIDFromBytes((certificate.recordId() + "|" + certificate.certificateNumber())
                                .getBytes(StandardCharsets.UTF_8)));
        credential.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
        credential.put("name", certificate.certificationName());
        credential.put(
                "description",
                "Certificate " + certificate.certificateNumber() + ": " + certificate.certificationName()
                        + ", issued by " + key.signer() + ". Verify it at "
                        + urls.verification(certificate.certificateNumber()));
        credential.put("issuer", issuer);
        credential.put("validFrom", start(certificate.effectiveDate()).toString());
        if (certificate.expirationDate() != null) {
            credential.put("validUntil", end(certificate.expirationDate()).toString());
        }
        // the moment this credential was signed, under the name 1EdTech's published schema requires
        credential.put("issuanceDate", now.toString());
        if (certificate.approvedAt() != null) {
            credential.put(
                    "awardedDate",
                    certificate
                            .approvedAt()
                            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                            .toString());
        }
        credential.put("credentialSubject", subject);
        credential.put("credentialSchema", List.of(Map.of("id", SCHEMA, "type", "1EdTechJsonSchemaValidator2019")));
        credential.put("credentialStatus", credentialStatus);
        return credential;
    }

    private Map<String, Object> achievement(String name, Map<String, Object> issuer) {
        CatalogueReads.Certification defined = catalogue.byName().get(name);
        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put(
                "id", "urn:uuid:" + UUID.nameUUIDFromBytes(("achievement|" + name).getBytes(StandardCharsets.UTF_8)));
        achievement.put("type", List.of("Achievement"));
        achievement.put("achievementType", "Certification");
        achievement.put("name", name);
        achievement.put("humanCode", name);
        List<String> tags = new ArrayList<>();
        if (defined != null && defined.track() != null) {
            achievement.put("fieldOfStudy", defined.track());
            tags.add(defined.track());
        }
        if (defined != null && defined.level() != null) {
            achievement.put("specialization", defined.level());
            tags.add(defined.level());
        }
        achievement.put(
                "description",
                defined == null
                        ? name + ", a certification of " + key.signer() + "."
                        : name + ": the " + defined.level() + " level of the " + defined.track() + " track, "
                                + "a certification of " + key.signer() + ".");
        achievement.put(
                "criteria",
                Map.of(
                        "narrative",
                        "Passed the certification's exams, as recorded by the certification office"
                                + (defined == null || defined.validityMonths() <= 0
                                        ? "."
                                        : "; valid for " + defined.validityMonths()
                                                + " months from its effective date, longer when renewed.")));
        if (!tags.isEmpty()) {
            achievement.put("tag", tags);
        }
        achievement.put("creator", issuer);
        return achievement;
    }

    /** A DID or an https URL, short, with nothing that could pass for an e-mail address. */
    static void checkSubject(String id) {
        boolean ok = id.length() <= 300 && !id.contains("@") && !id.chars().anyMatch(Character::isWhitespace);
        if (ok) {
            try {
                URI uri = new URI(id);
                ok = ("did".equals(uri.getScheme()) && id.matches("did:[a-z0-9]+:[A-Za-z0-9._:%-]+"))
                        || ("https".equals(uri.getScheme()) && uri.getHost() != null);
            } catch (java.net.URISyntaxException e) {
                ok = false;
            }
        }
        if (!ok) {
            throw new DomainException(ErrorCode.INVALID_INPUT, Text.of("problem.open-badge-credentials.2"));
        }
    }

    private static Instant start(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The last second of the last valid day. */
    private static Instant end(LocalDate date) {
        return date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1);
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
