package io.certtrail.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/** The application's HTTP API as its clients use it: bearer tokens, verification challenges, JSON. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> WORDS =
            List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten");

    private final String base;
    private final HttpClient http;

    Api(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4, SmtpSink.daemon("http-client")))
                .build();
    }

    String base() {
        return base;
    }

    /** A demo user's access token from the embedded identity provider (HTTP Basic, as its README shows). */
    String token(String user, String password) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/dev/tokens"))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        return send(request).get("access_token").asText();
    }

    /** @param token null for the public endpoints */
    JsonNode get(String path, String token) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    CompletableFuture<HttpResponse<String>> getAsync(String path, String token) {
        return http.sendAsync(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> getRaw(String path, String token) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A bulk import: the whole body in one request, the outcome lines as they come back. */
    HttpResponse<String> postBody(String path, String token, String contentType, String body)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", contentType)
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    CompletableFuture<HttpResponse<String>> postAsync(String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Asks for a built-in verification challenge and answers it, as a person reading it would. */
    CompletableFuture<String> solvedChallenge(String token) {
        return postAsync("/api/me/verification-challenges", token, null).thenApply(response -> {
            JsonNode challenge = parse(response);
            String[] words = challenge.get("question").asText().replace("?", "").split(" ");
            int answer = WORDS.indexOf(words[2]) + WORDS.indexOf(words[4]);
            return "{\"challengeId\":\"" + challenge.get("challengeId").asText() + "\",\"answer\":\"" + answer + "\"}";
        });
    }

    private JsonNode send(HttpRequest request) {
        try {
            return parse(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode parse(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    response.request().method() + " " + response.request().uri().getPath() + " answered "
                            + response.statusCode() + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
