package org.edgeway.it;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Predicate;

/**
 * The tests' one HTTP client for the REST API (switch scheme or TLS trust here), with HTTP Basic and raw bodies,
 * and answers parsed strictly (a duplicate key fails the parse).
 */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final HttpClient http;
    private final String base;
    private final String authorization;

    private ApiClient(HttpClient http, String base, String authorization) {
        this.http = http;
        this.base = base;
        this.authorization = authorization;
    }

    /** Over HTTPS, trusting only the node's own certificate. */
    public static ApiClient as(ServerNode node, String user, String password) {
        HttpClient http;
        try {
            http = node.httpClient();
        } catch (Exception e) {
            throw new IllegalStateException("cannot trust the node's certificate", e);
        }
        return new ApiClient(http, node.baseUrl() + "/api/v1", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    public Answer get(String path) {
        return send("GET", path, null, null);
    }

    public Answer put(String path, String json) {
        return send("PUT", path, "application/json", json);
    }

    public Answer post(String path, String json) {
        return send("POST", path, "application/json", json);
    }

    public Answer delete(String path) {
        return send("DELETE", path, null, null);
    }

    /**
     * Polls a GET resource until its JSON meets the condition (the engine applies saved settings asynchronously);
     * fails after 30 s with the last answer.
     */
    public JsonNode waitFor(String path, Predicate<JsonNode> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = get(path).json();
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("condition not met on " + path + ": " + last);
    }

    /** Any method, content type and body (null for none), sent as is. */
    public Answer send(String method, String path, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return answer(b);
    }

    /** Sends a binary body (a file upload) with extra headers (name, value, name, value ...). */
    public Answer sendBytes(String method, String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return answer(b);
    }

    private Answer answer(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().firstValue("Allow").orElse(null), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request whose answer is a file (a download): the raw bytes; fails unless the status is 200. */
    public byte[] download(String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new AssertionError("expected 200 for " + path + ", got " + r.statusCode() + " "
                        + new String(r.body(), StandardCharsets.UTF_8));
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One answer: status, content type, Allow header, raw body. */
    public record Answer(int status, String contentType, String allow, String body) {

        /** The body parsed as JSON; fails on malformed JSON or duplicate keys. */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not strict JSON (" + e.getMessage() + "): " + body, e);
            }
        }

        /** Asserts the status (with the answer in the message); returns this answer. */
        public Answer expect(int expectedStatus) {
            if (status != expectedStatus) {
                throw new AssertionError("expected " + expectedStatus + ", got " + this);
            }
            return this;
        }

        /**
         * Asserts the documented error shape {@code {"status":..,"error":"..","fields":{..}}} with this status and
         * (at least) these fields named; returns the parsed error.
         */
        public JsonNode assertError(int expectedStatus, String... fields) {
            if (status != expectedStatus || !contentType.startsWith("application/json")) {
                throw new AssertionError("expected a JSON " + expectedStatus + ", got " + this);
            }
            JsonNode e = json();
            if (e.path("status").asInt() != expectedStatus || !e.path("error").isTextual()
                    || e.path("error").asText().isBlank()) {
                throw new AssertionError("not the documented error shape: " + this);
            }
            for (String f : fields) {
                if (!e.path("fields").path(f).isTextual()) {
                    throw new AssertionError("error does not name field " + f + ": " + this);
                }
            }
            return e;
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + (body.length() > 2000 ? body.substring(0, 2000) + "..." : body);
        }
    }

    public static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
