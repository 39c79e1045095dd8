package io.certtrail.embedded;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.nio.file.Path;
import java.util.Date;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * When {@link DataDirectory} found views of an older shape: asks for every view to be rebuilt from
 * the event store (the durable request the erasures use, {@code rebuild_requests}, answered within
 * seconds by the query side), then moves the marker's views number on. A crash in between asks again
 * at the next start.
 */
@Component
@ConditionalOnProperty(name = DataDirectory.VIEWS_FOUND)
class ViewsUpgrade {

    private static final Logger log = LoggerFactory.getLogger(ViewsUpgrade.class);

    private final MongoTemplate mongo;
    private final Environment environment;
    private final java.time.Clock clock;

    ViewsUpgrade(MongoTemplate mongo, Environment environment, java.time.Clock clock) {
        this.mongo = mongo;
        this.environment = environment;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void askForTheRebuild() {
        int found = environment.getRequiredProperty(DataDirectory.VIEWS_FOUND, Integer.class);
        String id = "views-upgrade:" + found + "-" + DataDirectory.VIEWS;
        // the query side's ErasureRebuilds reads this collection every few seconds and rebuilds every view
        mongo.getCollection("rebuild_requests")
                .replaceOne(
                        Filters.eq("_id", id),
                        new Document("_id", id).append("at", Date.from(clock.instant())),
                        new ReplaceOptions().upsert(true));
        Path dir = Path.of(environment.getProperty("certtrail.embedded.data-dir", "./data"))
                .toAbsolutePath()
                .normalize();
        DataDirectory.write(
                dir, new DataDirectory.Marker(DataDirectory.FORMAT, DataDirectory.VIEWS, DataDirectory.release()));
        log.info(
                "Asked for every view to be rebuilt from the event store (views {} to {})", found, DataDirectory.VIEWS);
    }
}
