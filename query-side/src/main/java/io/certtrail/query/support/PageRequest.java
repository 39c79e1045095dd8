package io.certtrail.query.support;

import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.error.ErrorCode;
import io.certtrail.platform.i18n.Text;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Paging and sorting of a view that is already in memory (one holder's records: a few hundred at
 * most). Sort keys are whitelisted per view; ties fall back to the record id for a stable order.
 */
public record PageRequest(int page, int size, String sort) {

    public static final int MAX_SIZE = 100;

    public record Page<T>(int page, int size, long totalElements, int totalPages, String sort, List<T> items) {}

    /** Refuses a page outside the allowed range, for views that page in the database. */
    public static void check(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new DomainException(ErrorCode.INVALID_INPUT, Text.of("problem.page-request.1", MAX_SIZE));
        }
    }

    public <T> Page<T> apply(List<T> all, Map<String, Comparator<T>> sortKeys, Comparator<T> tieBreak) {
        return slice(sorted(all, sortKeys, tieBreak));
    }

    /** The whole list in the requested order; the sort is checked against the allowed keys. */
    public <T> List<T> sorted(List<T> all, Map<String, Comparator<T>> sortKeys, Comparator<T> tieBreak) {
        check(page, size);
        String[] parts = sort.split(",", -1);
        Comparator<T> order = sortKeys.get(parts[0]);
        boolean descending = descending();
        if (order == null
                || parts.length > 2
                || (parts.length == 2 && !descending && !parts[1].equalsIgnoreCase("asc"))) {
            throw new DomainException(
                    ErrorCode.INVALID_INPUT,
                    Text.of(
                            "problem.page-request.2",
                            sortKeys.keySet().stream().sorted().toList()));
        }
        Comparator<T> comparator = (descending ? order.reversed() : order).thenComparing(tieBreak);
        return all.stream().sorted(comparator).toList();
    }

    /** This request's page of a list already in order. */
    public <T> Page<T> slice(List<T> sorted) {
        check(page, size);
        int from = (int) Math.min((long) page * size, sorted.size());
        int to = Math.min(from + size, sorted.size());
        return new Page<>(
                page,
                size,
                sorted.size(),
                (sorted.size() + size - 1) / size,
                sort.split(",", -1)[0] + "," + (descending() ? "desc" : "asc"),
                sorted.subList(from, to));
    }

    private boolean descending() {
        String[] parts = sort.split(",", -1);
        return parts.length > 1 && parts[1].equalsIgnoreCase("desc");
    }
}
