package io.certtrail.query.sharing.web;

import io.certtrail.platform.identity.Caller;
import io.certtrail.query.sharing.ShareLinkReads;
import io.certtrail.query.sharing.ShareLinkReads.MyLink;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The holder's share links (rule 27), newest first, with their state; never their secrets. */
@RestController
class MyShareLinksController {

    private final ShareLinkReads reads;

    MyShareLinksController(ShareLinkReads reads) {
        this.reads = reads;
    }

    @GetMapping("/api/me/share-links")
    List<MyLink> mine(Caller caller) {
        return reads.mine(caller.accountId());
    }
}
