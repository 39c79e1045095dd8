package io.certtrail.command.support;

/** Where new identifiers come from; injected so tests can predict them. */
@FunctionalInterface
public interface IdGenerator {

    String next();
}
