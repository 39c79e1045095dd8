package io.certtrail.platform.error;

/**
 * Every rule a caller can break, with the HTTP status it maps to. Codes travel as data (in
 * {@code CommandExecutionException} details across Axon Server), never parsed out of messages.
 */
public enum ErrorCode {
    INVALID_INPUT(400),
    INVALID_EMAIL(400),
    LINK_NOT_VALID(404),
    NOT_FOUND(404),
    FORBIDDEN(403),
    ADDRESS_ALREADY_ACTIVE(409),
    ADDRESS_NOT_ASSOCIATED(409),
    ADDRESS_NOT_BOUND(409),
    CONCURRENT_CHANGE(409),
    BACKUP_RUNNING(409),
    SCORE_REPORT_NOT_MATCHED(422),
    CERTIFICATE_NOT_ELIGIBLE(422),
    CERTIFICATE_ALREADY_APPLIED(409),
    PRIVACY_STATEMENT_NOT_ACCEPTED(422),
    NOT_YET_APPROVABLE(422),
    NOT_PAPER(422),
    FORMAT_NOT_OFFERED(422),
    MAILING_NOT_YET_OPEN(422),
    NOT_YET_APPROVED(409),
    CERTIFICATE_REVOKED(409),
    APPLICATION_VOIDED(409),
    REPLACEMENT_NOT_POSSIBLE(409),
    NAME_UNDER_REVIEW(409),
    NAME_CORRECTION_NOT_POSSIBLE(409),
    DUPLICATE_CERTIFICATE_NUMBER(409),
    ALREADY_SHIPPED(409),
    NOT_REPLAYABLE(409),
    NOT_DOWNLOADABLE(409),
    THIRD_PARTY_ACCOUNT(403),
    NOT_A_CERTIFICATION(422),
    ALREADY_A_MEMBER(409),
    CERTIFICATE_NOT_FOUND(404),
    RATE_LIMITED(429),
    VERIFICATION_FAILED(422),
    VERIFICATION_UNAVAILABLE(503),
    READ_MODEL_BEHIND(503),
    COMMANDS_UNAVAILABLE(503),
    PAYLOAD_TOO_LARGE(413),
    ACCOUNT_ERASED(410);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The title in English (message {@code error.CODE}). */
    public String title() {
        return title(java.util.Locale.ENGLISH);
    }

    public String title(java.util.Locale locale) {
        return io.certtrail.platform.i18n.Messages.render("error." + name(), locale);
    }

    /** The stable, documented problem type slug, e.g. {@code address-already-active}. */
    public String slug() {
        return name().toLowerCase().replace('_', '-');
    }
}
