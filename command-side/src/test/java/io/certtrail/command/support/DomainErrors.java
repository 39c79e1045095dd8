package io.certtrail.command.support;

import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.error.ErrorCode;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a {@link DomainException} by its code, the part callers rely on. */
public final class DomainErrors {

    private DomainErrors() {}

    public static Matcher<DomainException> withCode(ErrorCode code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DomainException e) {
                return e.code() == code;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a DomainException with code " + code);
            }
        };
    }
}
