package io.taquilla.catalog;

import io.taquilla.testsupport.TestTokens;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to the running catalog over HTTP the way the gateway and the admin UI do. */
public final class CatalogClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    /** The organizer whose admin the tests act as unless they say otherwise. */
    public static final UUID ORGANIZER = UUID.fromString("7a1c0e55-3b9d-4f2e-8c61-0d4a5b6c7e8f");

    /** An organizer-admin token of {@link #ORGANIZER}, fresh on every call (tokens live 15 minutes). */
    public static String admin() {
        return TestTokens.organizerAdmin(ORGANIZER);
    }

    public static String door() {
        return TestTokens.door(ORGANIZER, "gate-device-1");
    }

    public record Reply(int status, MediaType contentType, JsonNode body, HttpHeaders headers) {

        public String problemType() {
            return body.path("type").asString("");
        }

        public boolean isProblem() {
            return contentType != null && contentType.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    private final RestClient http;

    public CatalogClient(int port) {
        this.http = RestClient.create("http://localhost:" + port);
    }

    public Reply get(String path) {
        return send(HttpMethod.GET, path, null, null);
    }

    public Reply admin(HttpMethod method, String path, Object body) {
        return send(method, path, admin(), body);
    }

    /** Sends {@code body} (a Map or a raw JSON string) and returns whatever came back, errors included. */
    public Reply send(HttpMethod method, String path, String token, Object body) {
        RestClient.RequestBodySpec request = http.method(method).uri(path).headers(headers -> {
            if (token != null) {
                headers.setBearerAuth(token);
            }
        });
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body instanceof String raw ? raw : JSON.writeValueAsString(body));
        }
        return request.exchange((req, res) -> {
            byte[] bytes = res.getBody().readAllBytes();
            return new Reply(res.getStatusCode().value(), res.getHeaders().getContentType(), read(bytes), res.getHeaders());
        });
    }

    private static JsonNode read(byte[] bytes) throws IOException {
        return bytes.length == 0 ? JSON.missingNode() : JSON.readTree(bytes);
    }

    /** Creates a draft from {@code body}; fails the test unless it was created. */
    public JsonNode createDraft(Map<String, Object> body) {
        Reply reply = admin(HttpMethod.POST, "/api/admin/events", body);
        if (reply.status() != 201) {
            throw new AssertionError("create failed: " + reply.status() + " " + reply.body());
        }
        return reply.body();
    }

    public JsonNode createPublished(Map<String, Object> body) {
        JsonNode draft = createDraft(body);
        Reply reply = admin(HttpMethod.POST, "/api/admin/events/" + draft.get("id").asString() + "/publish", null);
        if (reply.status() != 200) {
            throw new AssertionError("publish failed: " + reply.status() + " " + reply.body());
        }
        return reply.body();
    }

    /** A valid event {@code daysAhead} days from now, as a mutable JSON-shaped map, with a unique name. */
    public static Map<String, Object> event(int daysAhead) {
        Instant starts = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofDays(daysAhead));
        Map<String, Object> venue = new LinkedHashMap<>(Map.of("name", "Sala Apolo", "address", "Nou de la Rambla 113",
                "city", "Barcelona", "timezone", "Europe/Madrid"));
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("name", "Noche de Flamenco " + UUID.randomUUID().toString().substring(0, 8));
        event.put("description", "Live flamenco with dinner");
        event.put("venue", venue);
        event.put("startsAt", starts.toString());
        event.put("doorsOpenAt", starts.minus(Duration.ofHours(1)).toString());
        event.put("salesStartAt", Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("salesEndAt", starts.minus(Duration.ofMinutes(30)).toString());
        event.put("venueCapacity", 500);
        event.put("ticketTypes", new ArrayList<>(List.of(
                ticketType("GA", "General admission", 1500, 300, 10),
                ticketType("VIP", "VIP table", 4500, 50, 4))));
        return event;
    }

    public static Map<String, Object> ticketType(String code, String name, long priceMinor, int capacity, int maxPerOrder) {
        Map<String, Object> type = new LinkedHashMap<>();
        type.put("code", code);
        type.put("name", name);
        type.put("priceMinor", priceMinor);
        type.put("currency", "EUR");
        type.put("capacity", capacity);
        type.put("maxPerOrder", maxPerOrder);
        return type;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> firstType(Map<String, Object> event) {
        return ((List<Map<String, Object>>) event.get("ticketTypes")).get(0);
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> types(Map<String, Object> event) {
        return (List<Map<String, Object>>) event.get("ticketTypes");
    }
}
