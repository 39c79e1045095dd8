package io.certtrail.mode;

/** The application will not start as configured: the message says what is missing or wrong, the action what to do. */
public class ModeRefused extends IllegalStateException {

    private final String action;

    public ModeRefused(String message) {
        this(
                message,
                "Set what is named above (README, \"Run it on one server\"), or run the demo: CERTTRAIL_MODE=demo.");
    }

    public ModeRefused(String message, String action) {
        super(message);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
