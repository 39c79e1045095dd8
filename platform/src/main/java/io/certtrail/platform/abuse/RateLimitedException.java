package io.certtrail.platform.abuse;

import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.error.ErrorCode;

/** A limit was reached; the caller may try again after {@link #retryAfterSeconds()}. */
public class RateLimitedException extends DomainException {

    private final long retryAfterSeconds;

    public RateLimitedException(long retryAfterSeconds) {
        super(
                ErrorCode.RATE_LIMITED,
                "Too many requests of this kind. Try again in " + retryAfterSeconds + " seconds.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
