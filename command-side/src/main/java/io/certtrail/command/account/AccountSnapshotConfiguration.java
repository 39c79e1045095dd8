package io.certtrail.command.account;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Accounts are snapshotted every {@value Account#SNAPSHOT_THRESHOLD} events, in the event store. */
@Configuration(proxyBeanMethods = false)
class AccountSnapshotConfiguration {

    @Bean
    SnapshotTriggerDefinition accountSnapshots(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, Account.SNAPSHOT_THRESHOLD);
    }
}
