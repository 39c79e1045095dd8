package io.certtrail.query.sharing;

import io.certtrail.events.sharing.ShareLinkCreated;
import io.certtrail.events.sharing.ShareLinkEvent;
import io.certtrail.events.sharing.ShareLinkExtended;
import io.certtrail.events.sharing.ShareLinkRevoked;
import io.certtrail.platform.axon.ProcessingGroups;
import io.certtrail.platform.operations.ProjectionReset;
import io.certtrail.query.sharing.ShareLinkDocuments.Link;
import io.certtrail.query.sharing.ShareLinkDocuments.MyShareLinks;
import io.certtrail.query.sharing.ShareLinkDocuments.ShareToken;
import io.certtrail.query.support.ProjectionBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps each holder's share links (one document per account, its events in order: the processor
 * is sequenced by account) and, per link secret's hash, where it leads. Each event sets what it
 * says, so handling one twice leaves the same documents.
 */
@Component
@ProcessingGroup(ProcessingGroups.SHARE_LINKS)
public class ShareLinksProjection {

    private final MongoTemplate mongo;

    public ShareLinksProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(ShareLinkEvent event) {
        ProjectionBatch batch = ProjectionBatch.current(mongo);
        MyShareLinks found = batch.find(MyShareLinks.class, event.accountId());
        MyShareLinks mine = new MyShareLinks(event.accountId(), found == null ? null : found.links());
        if (event instanceof ShareLinkCreated e) {
            mine.links().removeIf(l -> l.linkId().equals(e.linkId()));
            mine.links()
                    .add(new Link(
                            e.linkId(),
                            e.tokenHash(),
                            e.kind(),
                            e.recordIds(),
                            e.note(),
                            e.createdAt(),
                            e.expiresAt(),
                            null));
            batch.save(e.tokenHash(), new ShareToken(e.tokenHash(), e.accountId(), e.linkId()));
        } else if (event instanceof ShareLinkExtended e) {
            mine.links()
                    .replaceAll(l -> l.linkId().equals(e.linkId())
                            ? new Link(
                                    l.linkId(),
                                    l.tokenHash(),
                                    l.kind(),
                                    l.recordIds(),
                                    l.note(),
                                    l.createdAt(),
                                    e.expiresAt(),
                                    l.revokedAt())
                            : l);
        } else if (event instanceof ShareLinkRevoked e) {
            mine.links()
                    .replaceAll(l -> l.linkId().equals(e.linkId()) && l.revokedAt() == null
                            ? new Link(
                                    l.linkId(),
                                    l.tokenHash(),
                                    l.kind(),
                                    l.recordIds(),
                                    l.note(),
                                    l.createdAt(),
                                    l.expiresAt(),
                                    e.revokedAt())
                            : l);
        }
        batch.save(event.accountId(), mine);
    }

    @ResetHandler
    void reset(ProjectionReset reset) {
        if (!reset.rebuild()) {
            return; // a replay: the documents take the events again, unchanged
        }
        mongo.dropCollection(MyShareLinks.class);
        mongo.dropCollection(ShareToken.class);
    }
}
