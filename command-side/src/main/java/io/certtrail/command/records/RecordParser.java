package io.certtrail.command.records;

import io.certtrail.command.records.RecordCommands.RecordCertification;
import io.certtrail.command.records.RecordCommands.RecordExamResult;
import io.certtrail.command.records.RecordCommands.RecordTraining;
import io.certtrail.command.support.EmailAddresses;
import io.certtrail.events.records.CertificationEarned;
import io.certtrail.events.records.ExamResult;
import io.certtrail.events.records.TrainingCompletion;
import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.error.ErrorCode;
import io.certtrail.platform.i18n.Text;
import io.certtrail.platform.privacy.AddressKeys;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Turns one record, as named fields (a JSON object or a CSV row), into its command; the single
 * and the bulk ingest share it, so both refuse the same things with the same words.
 */
@Component
public class RecordParser {

    private static final Pattern SOURCE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Map<RecordKind, Set<String>> FIELDS = Map.of(
            RecordKind.TRAINING,
                    Set.of(
                            "sourceRecordId",
                            "email",
                            "courseCode",
                            "courseName",
                            "provider",
                            "startDate",
                            "endDate",
                            "result"),
            RecordKind.EXAM,
                    Set.of(
                            "sourceRecordId",
                            "registrationNumber",
                            "firstName",
                            "lastName",
                            "email",
                            "examCode",
                            "examName",
                            "examDate",
                            "score",
                            "passed"),
            RecordKind.CERTIFICATION,
                    Set.of(
                            "sourceRecordId",
                            "email",
                            "certificationName",
                            "certificateNumber",
                            "effectiveDate",
                            "expirationDate",
                            "renewal"));

    private final AddressKeys addressKeys;

    RecordParser(AddressKeys addressKeys) {
        this.addressKeys = addressKeys;
    }

    public static Set<String> fields(RecordKind kind) {
        return FIELDS.get(kind);
    }

    /** @throws DomainException with {@link ErrorCode#INVALID_INPUT} and every problem found, in words */
    public Object parse(RecordKind kind, Map<String, String> raw, Instant receivedAt) {
        Fields f = new Fields(raw, FIELDS.get(kind));
        String sourceId = f.matching("sourceRecordId", SOURCE_ID, "letters, digits and . _ : - (at most 100)");
        String email = f.email();
        Object command = switch (kind) {
            case TRAINING -> {
                LocalDate start = f.date("startDate");
                LocalDate end = f.date("endDate");
                if (start != null && end != null && end.isBefore(start)) {
                    f.problem("endDate", "is before startDate");
                }
                yield new RecordTraining(
                        kind.recordId(sourceId),
                        new TrainingCompletion(
                                keyOf(email),
                                email,
                                f.matching("courseCode", CODE, "a code of letters, digits and . _ -"),
                                f.text("courseName", 200),
                                f.text("provider", 200),
                                start,
                                end,
                                f.text("result", 64)),
                        receivedAt);
            }
            case EXAM ->
                new RecordExamResult(
                        kind.recordId(sourceId),
                        new ExamResult(
                                keyOf(email),
                                email,
                                upper(f.matching(
                                        "registrationNumber", RegistrationNumbers.PATTERN, RegistrationNumbers.RULE)),
                                f.text("firstName", 100),
                                f.text("lastName", 100),
                                f.matching("examCode", CODE, "a code of letters, digits and . _ -"),
                                f.text("examName", 200),
                                f.date("examDate"),
                                f.integer("score", 0, 1000),
                                f.bool("passed", null)),
                        receivedAt);
            case CERTIFICATION -> {
                LocalDate effective = f.date("effectiveDate");
                LocalDate expiration = f.date("expirationDate");
                if (effective != null && expiration != null && expiration.isBefore(effective)) {
                    f.problem("expirationDate", "is before effectiveDate");
                }
                yield new RecordCertification(
                        kind.recordId(sourceId),
                        new CertificationEarned(
                                keyOf(email),
                                email,
                                f.text("certificationName", 100),
                                f.matching("certificateNumber", CODE, "letters, digits and . _ -"),
                                effective,
                                expiration,
                                f.bool("renewal", false)),
                        receivedAt);
            }
        };
        f.done();
        return command;
    }

    private String keyOf(String email) {
        return email == null ? null : addressKeys.of(email);
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    /** What a JSON value was, before it became the text every field is read from. */
    public enum JsonKind {
        TEXT,
        NUMBER,
        BOOLEAN,
        NULL
    }

    /**
     * The fields of a JSON record, with what each value was: a JSON record says its types, and a
     * number where text belongs (or text where a number or true/false belongs) is refused, as the
     * API's other bodies refuse it. CSV has only text; it comes as a plain map.
     */
    public static final class JsonFields extends java.util.LinkedHashMap<String, String> {
        private final Map<String, JsonKind> kinds = new java.util.HashMap<>();

        public void put(String name, String value, JsonKind kind) {
            put(name, value);
            kinds.put(name, kind);
        }
    }

    /** Collects every problem of one record, so the sender can fix them all at once. */
    private static final class Fields {
        private final Map<String, String> raw;
        private final List<String> problems = new ArrayList<>();

        Fields(Map<String, String> raw, Set<String> known) {
            this.raw = raw;
            raw.keySet().stream()
                    .filter(name -> !known.contains(name))
                    .sorted()
                    .forEach(name -> problems.add("unknown field '" + clip(name) + "'"));
        }

        void problem(String field, String what) {
            problems.add(field + " " + what);
        }

        void done() {
            if (!problems.isEmpty()) {
                throw new DomainException(
                        ErrorCode.INVALID_INPUT, Text.of("problem.record-rejected", String.join("; ", problems)));
            }
        }

        String required(String field) {
            return required(field, JsonKind.TEXT);
        }

        /** The field's value, stripped of spaces; null (and a problem) when missing, malformed or of another JSON kind. */
        String required(String field, JsonKind kind) {
            String value = raw.get(field);
            if (value == null || value.isBlank()) {
                problem(field, "is required");
                return null;
            }
            if (raw instanceof JsonFields json && json.kinds.get(field) != kind) {
                problem(
                        field,
                        switch (kind) {
                            case NUMBER -> "must be a number";
                            case BOOLEAN -> "must be true or false";
                            default -> "must be text";
                        });
                return null;
            }
            // checked before stripping: a control character at either end is refused, not trimmed away
            if (value.chars().anyMatch(c -> Character.isISOControl(c) || c == '\uFFFD')) {
                problem(field, "contains control characters or invalid UTF-8");
                return null;
            }
            return value.strip();
        }

        String text(String field, int max) {
            String value = required(field);
            if (value != null && value.length() > max) {
                problem(field, "is longer than " + max + " characters");
                return null;
            }
            return value;
        }

        String matching(String field, Pattern pattern, String expected) {
            String value = required(field);
            if (value != null && !pattern.matcher(value).matches()) {
                problem(field, "must be " + expected);
                return null;
            }
            return value;
        }

        String email() {
            String value = required("email");
            if (value == null) {
                return null;
            }
            try {
                return EmailAddresses.canonical(value);
            } catch (DomainException e) {
                problem("email", "is not a valid e-mail address");
                return null;
            }
        }

        LocalDate date(String field) {
            String value = required(field);
            try {
                return value == null ? null : LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                problem(field, "must be a date like 2026-03-01");
                return null;
            }
        }

        int integer(String field, int min, int max) {
            String value = required(field, JsonKind.NUMBER);
            try {
                int number = value == null ? 0 : Integer.parseInt(value);
                if (number < min || number > max) {
                    problem(field, "must be between " + min + " and " + max);
                }
                return number;
            } catch (NumberFormatException e) {
                problem(field, "must be a whole number");
                return 0;
            }
        }

        boolean bool(String field, Boolean defaultValue) {
            String value = raw.get(field);
            boolean absent = value == null || value.isBlank() && !(raw instanceof JsonFields);
            if (absent && defaultValue != null) {
                return defaultValue;
            }
            value = required(field, JsonKind.BOOLEAN);
            if (value == null) {
                return false;
            }
            switch (value.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "pass", "passed":
                    return true;
                case "false", "no", "fail", "failed":
                    return false;
                default:
                    problem(field, "must be true or false");
                    return false;
            }
        }

        private static String clip(String name) {
            String printable = name.replaceAll("\\p{Cntrl}", "?");
            return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
        }
    }
}
