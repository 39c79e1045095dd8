package io.certtrail.query.audit.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.certtrail.platform.axon.AxonInfrastructureConfiguration;
import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.error.ErrorCode;
import io.certtrail.platform.i18n.Text;
import io.certtrail.platform.privacy.AddressKeys;
import io.certtrail.query.audit.AccountHistoryReads;
import io.certtrail.query.audit.AuditConsistency;
import io.certtrail.query.audit.AuditSearch;
import io.certtrail.query.support.PageRequest;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The auditors' views: an account's own history read by key, searches over every event (by
 * account, address, application, aggregate, actor, type and time), a streamed JSON-lines export,
 * and a check of the view against the event store. Read only.
 */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    private final AccountHistoryReads histories;
    private final AuditSearch search;
    private final AuditConsistency consistency;
    private final AddressKeys addressKeys;

    AuditController(
            AccountHistoryReads histories, AuditSearch search, AuditConsistency consistency, AddressKeys addressKeys) {
        this.histories = histories;
        this.search = search;
        this.consistency = consistency;
        this.addressKeys = addressKeys;
    }

    /**
     * @param email instead of {@code addressKey}: the address itself
     * @param order {@code oldest} (default) or {@code newest} first
     */
    record SearchParameters(
            String accountId,
            String addressKey,
            String email,
            String applicationId,
            String aggregateId,
            String actor,
            String type,
            Instant from,
            Instant to,
            String order) {}

    @GetMapping("/events")
    AuditSearch.Page events(
            SearchParameters parameters,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        PageRequest.check(page, size);
        return search.page(filter(parameters), page, size);
    }

    /** The same search, every match, as JSON lines, streamed. */
    @GetMapping("/events.jsonl")
    ResponseEntity<StreamingResponseBody> export(SearchParameters parameters) {
        AuditSearch.Filter filter = filter(parameters);
        ObjectMapper json = AxonInfrastructureConfiguration.storedFormat();
        StreamingResponseBody body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            try {
                search.each(filter, event -> {
                    try {
                        writer.write(json.writeValueAsString(event));
                        writer.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            writer.flush();
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .cacheControl(CacheControl.noStore())
                .body(body);
    }

    /** Re-reads the aggregate's events from the event store and reports any difference from the audit views. */
    @GetMapping("/aggregates/{aggregateId}/consistency")
    AuditConsistency.Report consistency(
            @PathVariable @Pattern(regexp = "[A-Za-z0-9_.:@#-]{1,200}") String aggregateId) {
        return consistency.check(aggregateId);
    }

    private AuditSearch.Filter filter(SearchParameters p) {
        if (p.email() != null && p.addressKey() != null) {
            throw new DomainException(ErrorCode.INVALID_INPUT, Text.of("problem.unbinding-controller.1"));
        }
        String addressKey = p.email() == null
                ? p.addressKey()
                : addressKeys.of(p.email().strip().toLowerCase(Locale.ROOT));
        if (p.order() != null && !p.order().equals("oldest") && !p.order().equals("newest")) {
            throw new DomainException(ErrorCode.INVALID_INPUT, Text.of("problem.audit-controller.1"));
        }
        return new AuditSearch.Filter(
                p.accountId(),
                addressKey,
                p.applicationId(),
                p.aggregateId(),
                p.actor(),
                p.type(),
                p.from(),
                p.to(),
                "newest".equals(p.order()));
    }

    @GetMapping("/accounts/{accountId}/events")
    AccountHistoryReads.History accountHistory(
            @PathVariable @Pattern(regexp = "[A-Za-z0-9_.:-]{1,128}") String accountId,
            @RequestParam Optional<@Min(0) Long> minVersion) {
        return histories.of(accountId, minVersion);
    }
}
