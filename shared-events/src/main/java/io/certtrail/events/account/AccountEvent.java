package io.certtrail.events.account;

/** Every event the {@code Account} aggregate emits; the index of the family. */
public sealed interface AccountEvent
        permits AccountHolderNamed,
                AccountEmailEvent,
                ScoreReportLinked,
                ExpiryRemindersChanged,
                LanguagePreferenceChanged,
                ErasureRequested,
                ErasureCancelled,
                AccountErased {

    String accountId();
}
