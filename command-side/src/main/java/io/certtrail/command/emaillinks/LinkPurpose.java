package io.certtrail.command.emaillinks;

/** What following an e-mail link does. */
public enum LinkPurpose {
    ACTIVATE_ASSOCIATION,
    CONFIRM_DISASSOCIATION
}
