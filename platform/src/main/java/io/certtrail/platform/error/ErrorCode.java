package io.certtrail.platform.error;

/**
 * Every rule a caller can break, with the HTTP status it maps to. Codes travel as data (in
 * {@code CommandExecutionException} details across Axon Server), never parsed out of messages.
 */
public enum ErrorCode {
    INVALID_INPUT(400, "Invalid input"),
    INVALID_EMAIL(400, "Invalid e-mail address"),
    LINK_NOT_VALID(404, "This link is not valid"),
    NOT_FOUND(404, "Not found"),
    FORBIDDEN(403, "Forbidden"),
    ADDRESS_ALREADY_ACTIVE(409, "Address already associated with your account"),
    ADDRESS_NOT_ASSOCIATED(409, "Address not associated with your account"),
    ADDRESS_NOT_BOUND(409, "Address not associated with any account"),
    CONCURRENT_CHANGE(409, "Changed concurrently, try again"),
    SCORE_REPORT_NOT_MATCHED(422, "Score report not matched"),
    CERTIFICATE_NOT_ELIGIBLE(422, "Certificate not eligible"),
    CERTIFICATE_ALREADY_APPLIED(409, "Certificate already applied for"),
    PRIVACY_STATEMENT_NOT_ACCEPTED(422, "Privacy statement not accepted"),
    NOT_YET_APPROVABLE(422, "Not yet approvable"),
    NOT_PAPER(422, "Not a paper certificate"),
    FORMAT_NOT_OFFERED(422, "Not issued in this format"),
    MAILING_NOT_YET_OPEN(422, "Mailing information not yet possible"),
    NOT_YET_APPROVED(409, "Not approved yet"),
    CERTIFICATE_REVOKED(409, "Certificate revoked"),
    APPLICATION_VOIDED(409, "Application voided"),
    REPLACEMENT_NOT_POSSIBLE(409, "Replacement not possible"),
    NAME_UNDER_REVIEW(409, "Printed name under review"),
    NAME_CORRECTION_NOT_POSSIBLE(409, "Printed-name correction not possible"),
    DUPLICATE_CERTIFICATE_NUMBER(409, "Certificate number already used"),
    ALREADY_SHIPPED(409, "Package already shipped"),
    NOT_REPLAYABLE(409, "Never replayed"),
    NOT_DOWNLOADABLE(409, "Certificate not downloadable"),
    THIRD_PARTY_ACCOUNT(403, "Not available to third-party accounts"),
    NOT_A_CERTIFICATION(422, "Not a certification record"),
    ALREADY_A_MEMBER(409, "Already an employee of another partner company"),
    CERTIFICATE_NOT_FOUND(404, "No such certificate"),
    RATE_LIMITED(429, "Too many requests"),
    VERIFICATION_FAILED(422, "Verification code not accepted"),
    VERIFICATION_UNAVAILABLE(503, "Verification service unavailable"),
    READ_MODEL_BEHIND(503, "The view has not caught up yet"),
    COMMANDS_UNAVAILABLE(503, "Changes cannot be taken at the moment"),
    PAYLOAD_TOO_LARGE(413, "Request too large");

    private final int status;
    private final String title;

    ErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The stable, documented problem type slug, e.g. {@code address-already-active}. */
    public String slug() {
        return name().toLowerCase().replace('_', '-');
    }
}
