package io.taquilla.localstack;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Events the browser tests need besides "Perreo Fridays": a tiny one to sell out, one not on sale yet. */
final class SiteEvents {

    record Created(String id, String slug, Map<String, String> typeIds) {}

    private final Routes routes;
    private final String adminToken;
    private final Http http = new Http();

    SiteEvents(Routes routes, String adminToken) {
        this.routes = routes;
        this.adminToken = adminToken;
    }

    /** types: code → {name, priceMinor, capacity}; published, and waited for until order-service sells it. */
    Created create(String name, Instant salesStartAt, List<Map<String, Object>> types) {
        String slug = name.toLowerCase().replaceAll("[^a-z0-9]+", "-") + "-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> event = new java.util.HashMap<>(Map.of(
                "name", name, "slug", slug,
                "description", "A browser test event.",
                "venue", Map.of("name", "Teatro Pequeño", "address", "Calle Luna 7", "city", "Sevilla", "timezone", "Europe/Madrid"),
                "startsAt", now.plus(Duration.ofDays(3)).toString(),
                "doorsOpenAt", now.plus(Duration.ofDays(3)).minus(Duration.ofHours(1)).toString(),
                "salesStartAt", salesStartAt.toString(),
                "salesEndAt", now.plus(Duration.ofDays(3)).toString(),
                "venueCapacity", 500,
                "ticketTypes", types));
        // The platform-admin script client creates it for the demo organizer (catalog needs an owner).
        event.put("organizerId", DemoData.ORGANIZER_ID);
        Map<String, String> admin = Map.of("Authorization", "Bearer " + adminToken);
        Http.Response created = http.post(url("/api/admin/events"), admin, event);
        if (!created.ok()) {
            throw new IllegalStateException("creating " + name + " failed: " + created.status() + " " + created.body());
        }
        String id = created.json().path("id").asString();
        Http.Response published = http.post(url("/api/admin/events/" + id + "/publish"), admin, null);
        if (!published.ok()) {
            throw new IllegalStateException("publishing " + name + " failed: " + published.status() + " " + published.body());
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> http.get(url("/api/events/" + id + "/availability"), Map.of()).ok());
        Map<String, String> typeIds = new java.util.HashMap<>();
        for (JsonNode type : http.get(url("/api/events/" + id + "/availability"), Map.of()).json().path("ticketTypes")) {
            typeIds.put(type.path("code").asString(), type.path("ticketTypeId").asString());
        }
        return new Created(id, slug, typeIds);
    }

    static Map<String, Object> type(String code, String name, long priceMinor, int capacity) {
        return Map.of("code", code, "name", name, "priceMinor", priceMinor, "currency", "EUR", "capacity", capacity, "maxPerOrder", Math.min(4, capacity));
    }

    /** Places an order through the API, as another buyer would; returns the HTTP status. */
    int buy(String eventId, String typeId, int quantity) {
        Map<String, Object> order = Map.of("eventId", eventId,
                "items", List.of(Map.of("ticketTypeId", typeId, "quantity", quantity)),
                "customer", Map.of("name", "Other Buyer", "email", "other@example.com"));
        return http.post(url("/api/orders"), Map.of("Idempotency-Key", UUID.randomUUID().toString()), order).status();
    }

    JsonNode order(String orderId, String token) {
        return http.get(url("/api/orders/" + orderId), Map.of("X-Order-Token", token)).json();
    }

    JsonNode tickets(String orderId, String token) {
        return http.get(url("/api/tickets/orders/" + orderId), Map.of("X-Order-Token", token)).json();
    }

    String url(String path) {
        return routes.url(path);
    }
}
