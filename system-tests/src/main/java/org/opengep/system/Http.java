package org.opengep.system;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** One of our services over plain HTTP with JSON bodies and bearer tokens, as an integrator calls it. */
public final class Http {

    /** A status with its JSON body; {@link #expect} turns an unexpected status into an error that shows the answer. */
    public record Answer(String request, int status, JsonNode body, String replayed) {
        public Answer expect(int wanted) {
            if (status != wanted) {
                throw new IllegalStateException(request + " answered " + status + " (expected " + wanted + "): " + body);
            }
            return this;
        }
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    public Http(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String url() {
        return baseUrl;
    }

    public Answer get(String path, String token) {
        return send("GET", path, token, null, null, Map.of());
    }

    /** A GET with headers of its own, e.g. a W3C {@code traceparent}. */
    public Answer get(String path, String token, Map<String, String> headers) {
        return send("GET", path, token, null, null, headers);
    }

    /** A POST; {@code idempotencyKey} may be null. */
    public Answer post(String path, String token, Object body, String idempotencyKey) {
        return send("POST", path, token, body, idempotencyKey, Map.of());
    }

    /** A PUT (replacing a resource: idempotent by itself). */
    public Answer put(String path, String token, Object body) {
        return send("PUT", path, token, body, null, Map.of());
    }

    private Answer send(String method, String path, String token, Object body, String idempotencyKey, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(DemoDataset.json(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        headers.forEach(request::setHeader);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(method + " " + baseUrl + path, response.statusCode(), DemoDataset.parse(response.body()),
                    response.headers().firstValue("Idempotent-Replayed").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + baseUrl + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
