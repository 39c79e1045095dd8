package io.certtrail.command.mail;

import io.certtrail.command.account.ActiveAddresses;
import io.certtrail.events.account.DisassociationCause;
import io.certtrail.events.account.EmailDisassociated;
import io.certtrail.platform.axon.ProcessingGroups;
import io.certtrail.platform.i18n.Language;
import io.certtrail.platform.i18n.Text;
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

    private final MailLanguages languages;

    AddressChangeMailer(Notices notices, ActiveAddresses addresses, MailLanguages languages) {
        this.notices = notices;
        this.addresses = addresses;
        this.languages = languages;
    }

    @EventHandler
    @DisallowReplay
    void on(EmailDisassociated event) {
        if (event.cause() == DisassociationCause.HOLDER_CONFIRMED) {
            return; // the holder did it themselves, through the link
        }
        List<String> to = addresses.emailsOf(event.accountId());
        Language language = languages.ofAccount(event.accountId());
        String address = Masking.email(event.email());
        String when = MailTimes.format(event.disassociatedAt(), language);
        String id = "address-left:" + event.accountId() + ":" + event.addressKey() + ":" + event.disassociatedAt();
        if (event.cause() == DisassociationCause.FORCED_UNBINDING) {
            notices.sendOnce(
                    id,
                    event.disassociatedAt(),
                    to,
                    language,
                    Text.of("mail.unbound.subject"),
                    Text.of("mail.unbound", address, when, event.reason()));
        } else {
            notices.sendOnce(
                    id,
                    event.disassociatedAt(),
                    to,
                    language,
                    Text.of("mail.moved.subject"),
                    Text.of("mail.moved", address, when));
        }
    }
}
