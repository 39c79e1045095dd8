package io.certtrail.events.certificate;

import io.certtrail.events.PersonalData;

/** Where a paper package goes. */
public record MailingInformation(
        @PersonalData String recipient,
        @PersonalData String phone,
        @PersonalData String address) {}
