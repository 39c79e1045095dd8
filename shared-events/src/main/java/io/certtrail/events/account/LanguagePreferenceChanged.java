package io.certtrail.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The holder chose the language CertTrail speaks to them (mails, pages, documents, error
 * messages): a BCP 47 tag it speaks ({@code zh-CN}, {@code en}), or null to follow each request's
 * {@code Accept-Language} again.
 */
@Revision("1")
public record LanguagePreferenceChanged(String accountId, String language, Instant changedAt) implements AccountEvent {}
