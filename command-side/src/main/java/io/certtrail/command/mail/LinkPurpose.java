package io.certtrail.command.mail;

/** What following an e-mail link does. */
public enum LinkPurpose {
    ACTIVATE_ASSOCIATION,
    CONFIRM_DISASSOCIATION
}
