package io.certtrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * More than 10,000 generated malformed requests to every operation of the OpenAPI document:
 * broken JSON, invalid UTF-8, unknown fields, wrong types, control characters, huge strings and
 * bodies, wrong shapes and content types, malformed path and query parameters. Each is signed in
 * as a caller allowed to call the operation, so it reaches the operation's own checks, and its
 * body starts from a request that would otherwise be accepted. Never a 5xx; never a new event or
 * a mail.
 */
class FuzzTest {

    private static final int AT_LEAST = 10_000;
    private static final String[] CONTROL = {
        "\u0000", "\u0001", "\u0007", "\u0008", "\u000B", "\u000C", "\u001B[31m", "\u007F", "\u0085"
    };

    @TempDir
    static Path dataDir;

    static CertTrailInstance app;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        app = CertTrailInstance.start(dataDir, new MutableClock(Instant.parse("2026-03-02T08:00:00Z")));
        // something for the operations to work on: an address, a certificate, an application
        app.associate("holder5", "fuzz@example.com");
        assertThat(app.post("/api/operator/records/certifications", "operator", """
                {"sourceRecordId":"FZ-1","email":"fuzz@example.com","certificationName":"HCIE-Datacom",
                 "certificateNumber":"0600000000000000001","effectiveDate":"2025-12-02","expirationDate":"2028-12-02",
                 "renewal":false}""")
                        .status())
                .isEqualTo(200);
        assertThat(app.post("/api/operator/records/certifications", "operator", """
                {"sourceRecordId":"FZ-2","email":"fuzz@example.com","certificationName":"HCIP-Datacom",
                 "certificateNumber":"0600000000000000002","effectiveDate":"2025-12-02","expirationDate":"2028-12-02",
                 "renewal":false}""")
                        .status())
                .isEqualTo(200);
        assertThat(app.post("/api/me/certificate-applications", "holder5", """
                {"recordId":"CERT:FZ-1","email":"fuzz@example.com","format":"PAPER","fullName":"Fuzz Holder",
                 "phone":"+49 30 123456","acceptPrivacyStatement":true,
                 "mailing":{"recipient":"Fuzz Holder","phone":"+49 30 123456","address":"Street 1\\nBerlin"}}""").status())
                .isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    record Param(String name, String in, String type) {}

    record Operation(String method, String path, List<Param> params, ObjectNode body, String user) {
        String label() {
            return method + " " + path;
        }
    }

    record Attempt(String defect, String method, String uri, String contentType, byte[] body) {}

    @Test
    void tenThousandMalformedRequestsNeverAnswer5xxAndChangeNothing() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("FuzzTest seed " + seed + " (rerun with -Dfuzz.seed=" + seed + ")");
        Random random = new Random(seed);
        List<Operation> operations = operations(app.get("/v3/api-docs", null).json());
        assertThat(operations).hasSizeGreaterThan(35);

        app.awaitProjectionsAtHead();
        long head = head();
        int mails = app.smtp.getReceivedMessages().length;

        Map<String, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        while (sent < AT_LEAST) {
            for (Operation operation : operations) {
                Attempt attempt = malformed(operation, random);
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl + attempt.uri()))
                        .timeout(Duration.ofSeconds(30))
                        .header("Accept", "application/json")
                        .method(
                                attempt.method(),
                                attempt.body() == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofByteArray(attempt.body()));
                if (attempt.contentType() != null) {
                    request.header("Content-Type", attempt.contentType());
                }
                if (operation.user() != null) {
                    request.header("Authorization", "Bearer " + app.tokenFor(operation.user()));
                }
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                sent++;
                statuses.merge(operation.method() + " " + response.statusCode(), 1, Integer::sum);
                if (response.statusCode() >= 500
                        || response.statusCode() / 100 == 2
                                && !operation.method().equals("GET")) {
                    failures.add(response.statusCode() + " " + operation.label() + " [" + attempt.defect() + "] "
                            + attempt.uri() + " " + shortened(attempt.body()) + " -> " + response.body());
                }
            }
        }
        System.out.println("FuzzTest: " + sent + " requests to " + operations.size() + " operations: " + statuses);
        assertThat(failures).as("5xx answers, or changes accepted").isEmpty();
        app.awaitProjectionsAtHead();
        assertThat(head()).as("events stored").isEqualTo(head);
        assertThat(app.smtp.getReceivedMessages()).as("mails sent").hasSize(mails);
    }

    /**
     * Every write of the OpenAPI document (so a new endpoint is covered without being listed), sent as
     * it would be accepted but with an {@code Accept} it cannot answer: refused with 406 before it runs.
     * Before, the command ran and only its answer was refused (a revocation done, then a 406).
     */
    @Test
    void aWriteWithAnAcceptItCannotAnswerIsRefusedAndChangesNothing() throws Exception {
        List<Operation> writes = operations(app.get("/v3/api-docs", null).json(), true).stream()
                .filter(operation -> !operation.method().equals("GET"))
                .toList();
        assertThat(writes)
                .extracting(Operation::label)
                .contains(
                        "POST /api/operator/certificate-revocations",
                        "POST /api/operator/records/{kind}",
                        "POST /api/me/certificate-applications",
                        "POST /api/me/partner-membership",
                        "POST /api/me/verification-challenges");
        app.awaitProjectionsAtHead();
        long head = head();
        int mails = app.smtp.getReceivedMessages().length;
        Random random = new Random(7);
        List<String> failures = new ArrayList<>();
        for (Operation operation : writes) {
            for (String accept : List.of("image/png", "text/csv")) {
                boolean csvImport = operation.path().startsWith("/api/operator/record-imports/");
                HttpRequest.Builder request = HttpRequest.newBuilder(
                                URI.create(app.baseUrl + filledPath(operation, random, false)))
                        .timeout(Duration.ofSeconds(30))
                        .header("Accept", accept)
                        .method(
                                operation.method(),
                                csvImport
                                        ? HttpRequest.BodyPublishers.ofString(
                                                "sourceRecordId,email,certificationName,certificateNumber,effectiveDate,expirationDate,renewal\n"
                                                        + "FZ-ACCEPT,fuzz@example.com,HCIA-Datacom,0600000000000000077,2025-12-02,2028-12-02,false\n")
                                        : operation.body() == null
                                                ? HttpRequest.BodyPublishers.noBody()
                                                : HttpRequest.BodyPublishers.ofString(withVerification(operation)
                                                        .toString()));
                if (csvImport) {
                    request.header("Content-Type", "text/csv");
                } else if (operation.body() != null) {
                    request.header("Content-Type", "application/json");
                }
                if (operation.user() != null) {
                    request.header("Authorization", "Bearer " + app.tokenFor(operation.user()));
                }
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 406) {
                    failures.add(response.statusCode() + " " + operation.label() + " Accept: " + accept + " -> "
                            + response.body());
                }
            }
        }
        assertThat(failures).as("writes not refused with 406").isEmpty();
        app.awaitProjectionsAtHead();
        assertThat(head()).as("events stored").isEqualTo(head);
        assertThat(app.smtp.getReceivedMessages()).as("mails sent").hasSize(mails);
    }

    /** The body as the portal would send it: a solved verification where the operation asks for one. */
    private static ObjectNode withVerification(Operation operation) {
        ObjectNode body = operation.body().deepCopy();
        if (body.has("verification") && operation.user() != null) {
            body.set("verification", app.solvedChallenge(operation.user()));
        }
        return body;
    }

    /** Every operation of the document but the embedded demo's helpers, with the caller allowed to call it. */
    private static List<Operation> operations(JsonNode document) {
        return operations(document, false);
    }

    private static List<Operation> operations(JsonNode document, boolean withCommandsWithoutInput) {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().startsWith("/dev/")) {
                continue; // the demo's token and mail helpers: not part of the service
            }
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                List<Param> params = new ArrayList<>();
                method.getValue()
                        .path("parameters")
                        .forEach(p -> params.add(new Param(
                                p.get("name").asText(),
                                p.get("in").asText(),
                                p.path("schema").path("type").asText("string"))));
                JsonNode schema = method.getValue()
                        .path("requestBody")
                        .path("content")
                        .path("application/json")
                        .path("schema");
                ObjectNode body = schema.isMissingNode() ? null : template(document, schema);
                if (path.getKey().startsWith("/api/operator/records/")) {
                    body = (ObjectNode) json("""
                            {"sourceRecordId":"FZ-9","email":"fuzz@example.com","certificationName":"HCIA-Datacom",
                             "certificateNumber":"0600000000000000009","effectiveDate":"2025-12-02",
                             "expirationDate":"2028-12-02","renewal":false}""");
                }
                if (body == null
                        && params.stream().noneMatch(p -> !p.name().equals("caller"))
                        && !method.getKey().equals("get")
                        && !withCommandsWithoutInput) {
                    continue; // a command without any input (a new challenge, say) cannot be malformed
                }
                operations.add(new Operation(
                        method.getKey().toUpperCase(), path.getKey(), params, body, callerFor(path.getKey())));
            }
        }
        return operations;
    }

    private static JsonNode json(String text) {
        try {
            return CertTrailInstance.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String callerFor(String path) {
        if (path.startsWith("/api/me/")) {
            return "holder5";
        }
        if (path.startsWith("/api/operator/")) {
            return "operator";
        }
        if (path.startsWith("/api/partner/")) {
            return "partner";
        }
        if (path.startsWith("/api/audit/")) {
            return "auditor";
        }
        return null; // public: verification pages, e-mail links
    }

    /** A request body the operation would accept, built from its schema with plausible values. */
    private static ObjectNode template(JsonNode document, JsonNode schema) {
        JsonNode resolved = resolve(document, schema);
        ObjectNode body = CertTrailInstance.JSON.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> properties =
                        resolved.path("properties").fields();
                properties.hasNext(); ) {
            Map.Entry<String, JsonNode> property = properties.next();
            JsonNode type = resolve(document, property.getValue());
            String name = property.getKey();
            switch (type.path("type").asText("object")) {
                case "boolean" -> body.put(name, true);
                case "integer", "number" -> body.put(name, 1);
                case "array" -> body.putArray(name);
                case "object" -> body.set(name, template(document, type));
                default -> body.put(name, plausible(name, type));
            }
        }
        return body;
    }

    private static String plausible(String name, JsonNode type) {
        if (type.has("enum")) {
            return type.get("enum").get(0).asText();
        }
        if ("date".equals(type.path("format").asText())) {
            return "2026-01-01";
        }
        if ("date-time".equals(type.path("format").asText())) {
            return "2026-01-01T00:00:00Z";
        }
        return switch (name) {
            case "email" -> "fuzz@example.com";
            case "recordId" -> "CERT:FZ-2";
            case "phone" -> "+49 30 123456";
            case "companyId" -> "partner-acme";
            case "fullName", "recipient", "firstName", "lastName" -> "Fuzz Holder";
            case "address" -> "Street 1";
            case "courier" -> "DHL";
            case "expressOrderNumber" -> "DHL123";
            default -> "fuzz";
        };
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        String ref = schema.path("$ref").asText(null);
        if (ref == null) {
            return schema;
        }
        return document.at(ref.substring(1));
    }

    /** One request to the operation with one defect. */
    private static Attempt malformed(Operation operation, Random random) {
        String path = filledPath(operation, random, false);
        boolean hasBody = operation.body() != null;
        boolean hasPath = operation.params().stream().anyMatch(p -> p.in().equals("path"));
        boolean hasQuery = operation.params().stream().anyMatch(p -> p.in().equals("query"));
        if (!hasBody) {
            if (hasPath && (!hasQuery || random.nextBoolean())) {
                return new Attempt("path", operation.method(), filledPath(operation, random, true), null, null);
            }
            if (hasQuery) {
                return new Attempt("query", operation.method(), path + malformedQuery(operation, random), null, null);
            }
            // a read without inputs: a body nobody asked for, in a type nobody takes
            return new Attempt(
                    "unexpected body",
                    operation.method(),
                    path,
                    "application/xml",
                    "<unexpected/>".getBytes(StandardCharsets.UTF_8));
        }
        if (hasPath && random.nextInt(11) == 0) {
            return new Attempt(
                    "path",
                    operation.method(),
                    filledPath(operation, random, true),
                    "application/json",
                    bytes(operation.body().toString()));
        }
        int choice = 2 + random.nextInt(10);
        ObjectNode body = operation.body().deepCopy();
        String json = body.toString();
        return switch (choice) {
            case 2 ->
                new Attempt(
                        "truncated JSON",
                        operation.method(),
                        path,
                        "application/json",
                        bytes(json.substring(0, 1 + random.nextInt(json.length() - 1))));
            case 3 ->
                new Attempt(
                        "broken JSON",
                        operation.method(),
                        path,
                        "application/json",
                        bytes(List.of(
                                        "{",
                                        "{\"a\":}",
                                        "{\"a\" \"b\"}",
                                        "[}",
                                        "nul",
                                        json + "}",
                                        "{,}",
                                        "{'a':1}",
                                        json.replaceFirst(":", "="))
                                .get(random.nextInt(9))));
            case 4 ->
                new Attempt("invalid UTF-8", operation.method(), path, "application/json", invalidUtf8(json, random));
            case 5 -> {
                body.put("unknownField" + random.nextInt(100), "x");
                yield new Attempt(
                        "unknown field", operation.method(), path, "application/json", bytes(body.toString()));
            }
            case 6 ->
                new Attempt(
                        "wrong type",
                        operation.method(),
                        path,
                        "application/json",
                        bytes(wrongType(body, random).toString()));
            case 7 ->
                new Attempt(
                        "control characters",
                        operation.method(),
                        path,
                        "application/json",
                        bytes(withText(body, random, value -> value + CONTROL[random.nextInt(CONTROL.length)])
                                .toString()));
            case 8 ->
                new Attempt(
                        "huge field",
                        operation.method(),
                        path,
                        "application/json",
                        bytes(withText(body, random, value -> value.repeat(1 + 20_000 / Math.max(1, value.length())))
                                .toString()));
            case 9 ->
                new Attempt(
                        "huge body",
                        operation.method(),
                        path,
                        "application/json",
                        bytes(withText(body, random, value -> "x".repeat(70_000 + random.nextInt(200_000)))
                                .toString()));
            case 10 ->
                new Attempt(
                        "wrong shape",
                        operation.method(),
                        path,
                        "application/json",
                        bytes(List.of("[]", "\"text\"", "42", "null", "true", "[" + json + "]")
                                .get(random.nextInt(6))));
            default ->
                new Attempt(
                        "wrong content type",
                        operation.method(),
                        path,
                        List.of(
                                        "text/plain",
                                        "application/xml",
                                        "application/x-www-form-urlencoded",
                                        "multipart/form-data; boundary=x")
                                .get(random.nextInt(4)),
                        bytes(json));
        };
    }

    /** The path with its variables filled: with existing-looking values, or with malformed ones. */
    private static String filledPath(Operation operation, Random random, boolean malformed) {
        String path = operation.path();
        for (Param param : operation.params()) {
            if (!param.in().equals("path")) {
                continue;
            }
            String value = malformed
                    ? List.of(
                                    "%00",
                                    "%FF%FE",
                                    "..%2F..%2Fetc%2Fpasswd",
                                    "x".repeat(5_000),
                                    "%F0%9F%92%A5",
                                    "%20",
                                    "%0D%0ASet-Cookie:x",
                                    "'%20OR%201=1--",
                                    "%7B%24gt%7D",
                                    "%C0%AF")
                            .get(random.nextInt(10))
                    : switch (param.name()) {
                        case "applicationId" -> "app:CERT:FZ-1";
                        case "kind" -> "certifications";
                        case "accountId" -> "acct-h5";
                        case "number" -> "0600000000000000001";
                        case "aggregateId" -> "CERT:FZ-1";
                        case "processingGroup" -> "records";
                        case "name" -> "records";
                        case "token" -> "not-a-real-token";
                        default -> "x";
                    };
            path = path.replace("{" + param.name() + "}", value);
        }
        return path;
    }

    private static String malformedQuery(Operation operation, Random random) {
        StringBuilder query = new StringBuilder("?");
        for (Param param : operation.params()) {
            if (!param.in().equals("query")) {
                continue;
            }
            String value = param.type().equals("integer")
                    ? List.of("abc", "-1", "99999999999999999999", "1.5", "%00", "", "0x10")
                            .get(random.nextInt(7))
                    : List.of("%00", "x".repeat(5_000), "%FF%FE", "%7B%22%24ne%22%3A1%7D", "%0A%0D", "2026-13-45")
                            .get(random.nextInt(6));
            query.append(URLEncoder.encode(param.name(), StandardCharsets.UTF_8))
                    .append('=')
                    .append(value)
                    .append('&');
        }
        query.append("page=-").append(random.nextInt(5)).append("&size=abc");
        return query.toString();
    }

    private static ObjectNode wrongType(ObjectNode body, Random random) {
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        if (names.isEmpty()) {
            body.put("unexpected", 1);
            return body;
        }
        String name = names.get(random.nextInt(names.size()));
        JsonNode value = body.get(name);
        if (value.isTextual()) {
            switch (random.nextInt(4)) {
                case 0 -> body.putObject(name);
                case 1 -> body.putArray(name).add("x");
                case 2 -> body.put(name, 12345);
                default -> body.put(name, true);
            }
        } else if (value.isBoolean()) {
            body.put(name, List.of("maybe", "yes", "").get(random.nextInt(3)));
        } else if (value.isNumber()) {
            body.put(name, "one");
        } else {
            body.put(name, "not an object");
        }
        return body;
    }

    /** The body with one text value (at any depth) changed; a new text field when there is none. */
    private static ObjectNode withText(
            ObjectNode body, Random random, java.util.function.UnaryOperator<String> change) {
        List<Map.Entry<ObjectNode, String>> texts = new ArrayList<>();
        collectTexts(body, texts);
        if (texts.isEmpty()) {
            body.put("text", change.apply("x"));
            return body;
        }
        Map.Entry<ObjectNode, String> chosen = texts.get(random.nextInt(texts.size()));
        chosen.getKey()
                .put(
                        chosen.getValue(),
                        change.apply(chosen.getKey().get(chosen.getValue()).asText()));
        return body;
    }

    private static void collectTexts(ObjectNode node, List<Map.Entry<ObjectNode, String>> texts) {
        node.fields().forEachRemaining(field -> {
            if (field.getValue().isTextual()) {
                texts.add(Map.entry(node, field.getKey()));
            } else if (field.getValue() instanceof ObjectNode nested) {
                collectTexts(nested, texts);
            }
        });
    }

    private static byte[] invalidUtf8(String json, Random random) {
        int at = json.indexOf(":\"");
        if (at < 0) {
            at = 1;
        } else {
            at += 2;
        }
        byte[][] broken = {
            {(byte) 0xC3, 0x28},
            {(byte) 0xFF, (byte) 0xFE},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            {(byte) 0xC0, (byte) 0xAF}
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes(json.substring(0, at)));
        out.writeBytes(broken[random.nextInt(broken.length)]);
        out.writeBytes(bytes(json.substring(at)));
        return out.toByteArray();
    }

    private static String shortened(byte[] body) {
        if (body == null) {
            return "";
        }
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static long head() {
        return app.get("/api/operator/projections", "operator")
                .json()
                .get("headPosition")
                .asLong();
    }
}
