package io.certtrail.command.mail;

import io.certtrail.command.account.ActiveAddresses;
import io.certtrail.events.account.DisassociationCause;
import io.certtrail.events.account.EmailDisassociated;
import io.certtrail.platform.axon.ProcessingGroups;
import io.certtrail.platform.privacy.Masking;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Tells holders when an address left their account without their asking: unbound by the
 * certification office (with its reason), or taken over by another account that proved control of
 * the mailbox. The mail goes to the addresses still on the account, never to the one that left (it
 * belongs to someone else now, or the office found it was never theirs); a holder with no other
 * address sees it in their addresses and history instead. Once per event, never on replay.
 */
@Component
@ProcessingGroup(ProcessingGroups.MAIL)
class AddressChangeMailer {

    private final Notices notices;
    private final ActiveAddresses addresses;

    AddressChangeMailer(Notices notices, ActiveAddresses addresses) {
        this.notices = notices;
        this.addresses = addresses;
    }

    @EventHandler
    @DisallowReplay
    void on(EmailDisassociated event) {
        if (event.cause() == DisassociationCause.HOLDER_CONFIRMED) {
            return; // the holder did it themselves, through the link
        }
        List<String> to = addresses.emailsOf(event.accountId());
        String address = Masking.email(event.email());
        String when = MailTimes.format(event.disassociatedAt());
        String id = "address-left:" + event.accountId() + ":" + event.addressKey() + ":" + event.disassociatedAt();
        if (event.cause() == DisassociationCause.FORCED_UNBINDING) {
            notices.sendOnce(
                    id,
                    event.disassociatedAt(),
                    to,
                    "An address was removed from your CertTrail account",
                    ("The certification office removed the address %s from your CertTrail account on %s.\n\n"
                                    + "Reason: %s\n\nIts training, exams and certificates no longer show on your account."
                                    + " If you believe this is a mistake, contact the certification office.")
                            .formatted(address, when, event.reason()));
        } else {
            notices.sendOnce(
                    id,
                    event.disassociatedAt(),
                    to,
                    "An address moved to another CertTrail account",
                    ("The address %s was associated with another CertTrail account on %s, after its holder"
                                    + " confirmed through a link sent to it that they control the mailbox.\n\n"
                                    + "It and its records no longer show on your account. If you did not expect this,"
                                    + " contact the certification office.")
                            .formatted(address, when));
        }
    }
}
