package io.certtrail.command.account;

import io.certtrail.command.support.LockOrder;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

@Component
class AccountAddresses implements ActiveAddresses {

    private final Repository<Account> accounts;
    private final EventStore eventStore;

    AccountAddresses(@Lazy @Qualifier("accountRepository") Repository<Account> accounts, @Lazy EventStore eventStore) {
        this.accounts = accounts;
        this.eventStore = eventStore;
    }

    @Override
    public boolean isActive(String accountId, String addressKey) {
        LockOrder.step(LockOrder.CERTIFICATE_APPLICATION, LockOrder.ACCOUNT);
        if (eventStore.lastSequenceNumberFor(accountId).isEmpty()) {
            return false; // an account that never asked for anything holds nothing
        }
        return accounts.load(accountId).invoke(account -> account.holds(addressKey));
    }

    @Override
    public java.util.List<String> emailsOf(String accountId) {
        if (eventStore.lastSequenceNumberFor(accountId).isEmpty()) {
            return java.util.List.of();
        }
        return accounts.load(accountId).invoke(Account::activeEmails);
    }
}
