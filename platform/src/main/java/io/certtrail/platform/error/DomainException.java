package io.certtrail.platform.error;

import io.certtrail.platform.i18n.Text;

/**
 * A rule was broken. The code decides the answer; the detail explains it to a person, in their
 * language (its message is the English text, for logs).
 */
public class DomainException extends RuntimeException {

    private final ErrorCode code;
    private final transient Text detail;

    public DomainException(ErrorCode code, Text detail) {
        super(detail.english(), null, false, false);
        this.code = code;
        this.detail = detail;
    }

    public ErrorCode code() {
        return code;
    }

    public Text detail() {
        return detail;
    }
}
