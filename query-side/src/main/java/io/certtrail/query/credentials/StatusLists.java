package io.certtrail.query.credentials;

import com.nimbusds.jwt.JWTClaimsSet;
import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.error.ErrorCode;
import io.certtrail.platform.i18n.Text;
import io.certtrail.query.credentials.CredentialStatusDocuments.StatusList;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The published Bitstring Status Lists (W3C Bitstring Status List v1.0, rule 28): each a
 * {@code BitstringStatusListCredential} signed like the credentials, whose {@code encodedList} is
 * the GZIP-compressed bitstring, base64url without padding, with the multibase prefix {@code u}.
 * Bit 0 is the most significant bit of the first byte; a set bit means revoked. Read by {@code _id}.
 */
@Component
public class StatusLists {

    /** How long a verifier may keep a list before asking again, in milliseconds (the list's {@code ttl}). */
    static final long TTL_MILLIS = 60_000;

    /** Lists beyond this are not asked for by any credential of a store of a few hundred billion events. */
    private static final long MAX_LIST = 1_000_000;

    private final MongoTemplate mongo;
    private final OpenBadgeCredentials credentials;
    private final Clock clock;

    StatusLists(MongoTemplate mongo, OpenBadgeCredentials credentials, Clock clock) {
        this.mongo = mongo;
        this.credentials = credentials;
        this.clock = clock;
    }

    /** The signed status list credential with this number. */
    public String signed(String listNumber) {
        long list;
        try {
            list = Long.parseLong(listNumber);
        } catch (NumberFormatException e) {
            list = -1;
        }
        if (list < 0 || list > MAX_LIST || !String.valueOf(list).equals(listNumber)) {
            throw new DomainException(ErrorCode.NOT_FOUND, Text.of("problem.status-lists.1", listNumber));
        }
        StatusList stored = mongo.findById(String.valueOf(list), StatusList.class);
        String url = credentials.statusListUrl(list);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);

        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", url + "#list");
        subject.put("type", "BitstringStatusList");
        subject.put("statusPurpose", "revocation");
        subject.put("encodedList", encode(stored == null ? List.of() : stored.revoked()));
        subject.put("ttl", TTL_MILLIS);

        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .claim("@context", List.of(OpenBadgeCredentials.CONTEXT.get(0)))
                .claim("id", url)
                .claim("type", List.of("VerifiableCredential", "BitstringStatusListCredential"))
                .claim("issuer", credentials.issuerId())
                .claim("validFrom", now.toString())
                .claim("credentialSubject", subject)
                .issuer(credentials.issuerId())
                .issueTime(Date.from(now));
        return credentials.sign(claims.build());
    }

    /** The bitstring with these bits set, compressed and encoded as the list's {@code encodedList}. */
    static String encode(List<Integer> set) {
        byte[] bits = new byte[CredentialStatusProjection.LIST_SIZE / 8];
        for (int index : set) {
            bits[index >>> 3] |= (byte) (0x80 >>> (index & 7));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }
}
