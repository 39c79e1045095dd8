package io.certtrail.command.support;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * The order in which one command's unit of work may lock aggregates, written once. A handler that
 * acts on another aggregate (loading it through its repository locks it until the unit of work
 * ends) goes down this list, never up: two commands that lock the same aggregates then lock them
 * in the same order, and cannot each hold what the other waits for.
 *
 * <pre>
 * CERTIFICATE_APPLICATION   applying: is the certificate valid, is its address the applicant's
 *   SOURCE_RECORD           a record's certificate number is claimed or released with it
 *   CERTIFICATE_NUMBER
 *   HELD_CERTIFICATIONS     the address's certificates: renewals are worked out with the record
 * ACCOUNT                   associating: who owns the address, claim it, release it
 *   ADDRESS_OWNERSHIP       an unbinding starts here
 *   PREVIOUS_OWNER          the account an address is taken from: never the one that asked
 * </pre>
 *
 * Every cross-aggregate link states its step ({@link #step}); a step up the list, within one unit
 * of work, is a programming error and fails the command ({@code LockOrderTest}, and every story
 * test that goes through the links).
 */
public enum LockOrder {
    CERTIFICATE_APPLICATION,
    SOURCE_RECORD,
    CERTIFICATE_NUMBER,
    HELD_CERTIFICATIONS,
    ACCOUNT,
    ADDRESS_OWNERSHIP,
    PREVIOUS_OWNER;

    private static final String DEEPEST = LockOrder.class.getName() + ".deepest";

    /**
     * A handler of {@code from} is about to lock an aggregate of {@code to}. Checks that {@code to}
     * comes after {@code from}, and not before anything this unit of work has locked through a link
     * already (the same kind again is the same lock or a sibling read, allowed).
     */
    public static void step(LockOrder from, LockOrder to) {
        if (to.ordinal() <= from.ordinal()) {
            throw new IllegalStateException(
                    "Lock order: " + from + " may not lock " + to + " (" + to + " comes first)");
        }
        if (!CurrentUnitOfWork.isStarted()) {
            return;
        }
        var resources = CurrentUnitOfWork.get().root().resources();
        LockOrder deepest = (LockOrder) resources.get(DEEPEST);
        if (deepest != null && to.ordinal() < deepest.ordinal()) {
            throw new IllegalStateException("Lock order: " + to + " locked after " + deepest + " in one unit of work");
        }
        if (deepest == null || to.ordinal() > deepest.ordinal()) {
            resources.put(DEEPEST, to);
        }
    }
}
