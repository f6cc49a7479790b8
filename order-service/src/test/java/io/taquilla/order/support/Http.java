package io.taquilla.order.support;

import io.taquilla.messaging.EventJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** A tiny HTTP client for tests: never throws on 4xx/5xx, parses bodies as JSON. */
public final class Http {

    public record Response(int status, String contentType, String body) {

        public JsonNode json() {
            return EventJson.MAPPER.readTree(body);
        }

        public String text(String field) {
            return json().path(field).asString();
        }

        public boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Http(int port) {
        this.base = "http://localhost:" + port;
    }

    public Response postOrder(String idempotencyKey, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/orders"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    public Response placeOrder(UUID eventId, UUID ticketTypeId, int quantity) {
        return postOrder(UUID.randomUUID().toString(), orderBody(eventId, ticketTypeId, quantity, "buyer@example.com"));
    }

    public static String orderBody(UUID eventId, UUID ticketTypeId, int quantity, String email) {
        return """
                {"eventId":"%s","items":[{"ticketTypeId":"%s","quantity":%d}],
                 "customer":{"email":"%s","name":"Ana Buyer","phone":"+34 600 123 456"}}
                """.formatted(eventId, ticketTypeId, quantity, email);
    }

    public Response get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    public Response post(String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
