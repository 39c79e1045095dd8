package io.certtrail.query.audit;

import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.error.ErrorCode;
import io.certtrail.platform.i18n.Text;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The auditors' searches over {@link AuditEvent}: any combination of filters, in store order either way. */
@Component
public class AuditSearch {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_.:@#-]{1,200}");
    private static final Pattern TYPE = Pattern.compile("[A-Za-z]{1,80}");

    private final MongoTemplate mongo;

    AuditSearch(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * @param newestFirst false: oldest first
     */
    public record Filter(
            String accountId,
            String addressKey,
            String applicationId,
            String aggregateId,
            String actor,
            String type,
            Instant from,
            Instant to,
            boolean newestFirst) {

        public Filter {
            check("accountId", accountId, IDENTIFIER);
            check("addressKey", addressKey, IDENTIFIER);
            check("applicationId", applicationId, IDENTIFIER);
            check("aggregateId", aggregateId, IDENTIFIER);
            check("actor", actor, IDENTIFIER);
            check("type", type, TYPE);
            if (from != null && to != null && to.isBefore(from)) {
                throw new DomainException(ErrorCode.INVALID_INPUT, Text.of("problem.audit-search.1"));
            }
        }

        private static void check(String name, String value, Pattern pattern) {
            if (value != null && !pattern.matcher(value).matches()) {
                throw new DomainException(ErrorCode.INVALID_INPUT, Text.of("problem.audit-search.2", name));
            }
        }

        Query query() {
            List<Criteria> all = new ArrayList<>();
            if (accountId != null) {
                all.add(Criteria.where("accountIds").is(accountId));
            }
            if (addressKey != null) {
                all.add(Criteria.where("addressKeys").is(addressKey));
            }
            if (applicationId != null) {
                all.add(Criteria.where("applicationId").is(applicationId));
            }
            if (aggregateId != null) {
                all.add(Criteria.where("aggregateId").is(aggregateId));
            }
            if (actor != null) {
                all.add(Criteria.where("actor").is(actor));
            }
            if (type != null) {
                all.add(Criteria.where("type").is(type));
            }
            if (from != null || to != null) {
                Criteria time = Criteria.where("occurredAt");
                if (from != null) {
                    time = time.gte(from);
                }
                if (to != null) {
                    time = time.lt(to);
                }
                all.add(time);
            }
            Query query = all.isEmpty() ? new Query() : new Query(new Criteria().andOperator(all));
            return query.with(Sort.by(newestFirst ? Sort.Direction.DESC : Sort.Direction.ASC, "position"));
        }
    }

    public record Page(int page, int size, long totalElements, List<AuditEvent> items) {}

    public Page page(Filter filter, int page, int size) {
        Query query = filter.query();
        long total = mongo.count(Query.of(query).limit(0).skip(0), AuditEvent.class);
        List<AuditEvent> items = mongo.find(query.skip((long) page * size).limit(size), AuditEvent.class);
        return new Page(page, size, total, items);
    }

    /** Every matching event, one at a time, without holding them all. */
    public void each(Filter filter, Consumer<AuditEvent> consumer) {
        try (var stream = mongo.stream(filter.query(), AuditEvent.class)) {
            stream.forEach(consumer);
        }
    }
}
