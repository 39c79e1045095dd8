package io.certtrail.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an event field that holds a person's data (an e-mail address, a name, a free-text reason).
 * Such fields are the only place personal data lives in the store, so that a later per-person
 * encryption (erasure by deleting the key) can find them without redesigning the events.
 * Identifiers and event type names never carry personal data.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface PersonalData {}
