package io.certtrail.command.support;

/** Produces the secret in an e-mail link: at least 128 random bits, URL-safe. */
@FunctionalInterface
public interface TokenGenerator {

    String next();
}
