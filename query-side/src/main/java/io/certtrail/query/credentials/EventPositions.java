package io.certtrail.query.credentials;

import java.util.List;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An event's own place in the store's order. A tracking token says where its processor stands, and
 * on the JDBC store that is not always the event's place: transactions commit out of order, and an
 * event that fills such a gap arrives with the position of the newest event seen (found by
 * BackupRestoreTest's two writers). There the event's own index is read from the store by its
 * identifier; Axon Server's positions are the events' own.
 */
@Component
class EventPositions {

    private final JdbcTemplate store;

    @org.springframework.beans.factory.annotation.Autowired
    EventPositions(ObjectProvider<DataSource> dataSource) {
        this(dataSource.getIfAvailable());
    }

    /** @param eventStore the JDBC event store's database, or null where there is none (Axon Server) */
    EventPositions(DataSource eventStore) {
        this.store = eventStore == null ? null : new JdbcTemplate(eventStore);
    }

    OptionalLong of(String eventId, TrackingToken token) {
        if (token == null) {
            return OptionalLong.empty();
        }
        TrackingToken current = token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
        if (store != null && current instanceof GapAwareTrackingToken) {
            List<Long> index = store.queryForList(
                    "SELECT globalIndex FROM DomainEventEntry WHERE eventIdentifier = ?", Long.class, eventId);
            if (!index.isEmpty()) {
                return OptionalLong.of(index.get(0));
            }
        }
        return token.position();
    }
}
