package io.taquilla.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON-over-HTTP client for the launcher and the demo journey. */
final class Http {

    record Response(int status, String body, HttpResponse<byte[]> raw) {
        JsonNode json() {
            return MAPPER.readTree(body);
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Response get(String url, Map<String, String> headers) {
        return send(builder(url, headers).GET());
    }

    Response post(String url, Map<String, String> headers, Object body) {
        String json = body == null ? "" : body instanceof String s ? s : MAPPER.writeValueAsString(body);
        return send(builder(url, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static HttpRequest.Builder builder(String url, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(Long.getLong("taquilla.http.timeout-seconds", 30)));
        headers.forEach(builder::header);
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), new String(response.body(), java.nio.charset.StandardCharsets.UTF_8), response);
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
