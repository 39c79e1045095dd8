package io.certtrail.command.emaillinks;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.certtrail.command.support.TokenGenerator;
import io.certtrail.platform.privacy.SecretHashes;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The secrets behind e-mail links, kept only as SHA-256 hashes, one document per request
 * ({@code _id} = request id). The raw token exists only in the e-mail. Whether a link may still be
 * used is decided by the {@code Account} aggregate (single use, latest request only, expiry); this
 * store only maps a presented token to its request.
 */
@Component
public class LinkTokens {

    static final String COLLECTION = "verification_tokens";

    private final MongoTemplate mongo;
    private final TokenGenerator tokens;
    private final Clock clock;

    LinkTokens(MongoTemplate mongo, TokenGenerator tokens, Clock clock) {
        this.mongo = mongo;
        this.tokens = tokens;
        this.clock = clock;
        // unique, so a lookup by hash is an equality match on a unique index
        mongo.indexOps(COLLECTION).createIndex(new Index("tokenHash", Sort.Direction.ASC).unique());
    }

    /**
     * A request a link was made for.
     *
     * @param email the address the link confirms, shown on the link's page to whoever holds the link (it
     *              came to that mailbox); kept only as long as the link is
     */
    public record Link(
            String requestId,
            LinkPurpose purpose,
            String accountId,
            String addressKey,
            String email,
            Instant expiresAt) {}

    public boolean alreadyMailed(String requestId) {
        Document doc = mongo.findById(requestId, Document.class, COLLECTION);
        return doc != null && doc.get("mailedAt") != null;
    }

    /** Makes a fresh token for the request (replacing any unsent one) and returns it, once. */
    public String issue(Link link) {
        String token = tokens.next();
        mongo.upsert(
                query(where("_id").is(link.requestId())),
                new Update()
                        .set("tokenHash", hash(token))
                        .set("purpose", link.purpose().name())
                        .set("accountId", link.accountId())
                        .set("addressKey", link.addressKey())
                        .set("email", link.email())
                        .set("expiresAt", Date.from(link.expiresAt()))
                        .set("mailedAt", null),
                COLLECTION);
        return token;
    }

    public void markMailed(String requestId) {
        mongo.updateFirst(
                query(where("_id").is(requestId)),
                new Update().set("mailedAt", Date.from(clock.instant())),
                COLLECTION);
    }

    /** The request behind a token, if the token is known and not past its expiry. */
    public Optional<Link> findUsable(String rawToken) {
        if (rawToken == null || rawToken.isEmpty() || rawToken.length() > 128) {
            return Optional.empty();
        }
        Document doc = mongo.findOne(query(where("tokenHash").is(hash(rawToken))), Document.class, COLLECTION);
        if (doc == null) {
            return Optional.empty();
        }
        Instant expiresAt = doc.getDate("expiresAt").toInstant();
        if (!clock.instant().isBefore(expiresAt)) {
            return Optional.empty();
        }
        return Optional.of(new Link(
                doc.getString("_id"),
                LinkPurpose.valueOf(doc.getString("purpose")),
                doc.getString("accountId"),
                doc.getString("addressKey"),
                doc.getString("email"),
                expiresAt));
    }

    /** Single use: once followed (or refused by the account), the token is gone. */
    public void consume(String requestId) {
        mongo.remove(query(where("_id").is(requestId)), COLLECTION);
    }

    static String hash(String token) {
        return SecretHashes.sha256(token);
    }
}
