package io.certtrail.events.account;

import io.certtrail.events.PersonalData;

/** The score-report details a holder gives with association method 2. */
public record ScoreReport(
        @PersonalData String lastName, @PersonalData String firstName, String registrationNumber) {}
