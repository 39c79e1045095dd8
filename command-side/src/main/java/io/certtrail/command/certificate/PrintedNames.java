package io.certtrail.command.certificate;

/**
 * Whether the name a holder asks to print on a certificate is theirs; a name that is not goes to
 * the certification office before it is printed (rule 8).
 */
public interface PrintedNames {

    /**
     * @param holderFirstName the account holder's given name, as the identity provider states it (may be null)
     * @param addressKey the address the certificate was recorded for: its exams' candidate names count too
     */
    boolean areTheHolders(String printed, String holderFirstName, String holderLastName, String addressKey);
}
