package io.certtrail.events.partner;

/** How a membership, or the request for one, ended. */
public enum MembershipEnding {
    /** The holder withdrew the request (or replaced it by a request to another company). */
    REQUEST_WITHDRAWN,
    /** An administrator of the company declined the request. */
    REQUEST_DECLINED,
    /** The employee left the company. */
    LEFT,
    /** An administrator of the company ended the employment. */
    REMOVED;

    public static MembershipEnding of(boolean byEmployee, boolean wasApproved) {
        if (byEmployee) {
            return wasApproved ? LEFT : REQUEST_WITHDRAWN;
        }
        return wasApproved ? REMOVED : REQUEST_DECLINED;
    }

    public boolean byEmployee() {
        return this == REQUEST_WITHDRAWN || this == LEFT;
    }

    public boolean wasApproved() {
        return this == LEFT || this == REMOVED;
    }
}
