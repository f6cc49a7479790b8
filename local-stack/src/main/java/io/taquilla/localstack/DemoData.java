package io.taquilla.localstack;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Loads "Perreo Fridays" (VIP 50.00 USD x 100, General Admission 25.00 USD x 400) through the
 * catalog admin API, unless it is already there, and waits until order-service sells it. Doors are
 * open now so the demo can scan at once.
 */
final class DemoData {

    static final String SLUG = "perreo-fridays";

    private DemoData() {
    }

    static void load(StackLayout layout, boolean viaGateway, LocalIssuer issuer) throws InterruptedException {
        Http http = new Http();
        String catalog = viaGateway ? layout.gatewayUrl() : layout.url("catalog-service");
        String orders = viaGateway ? layout.gatewayUrl() : layout.url("order-service");
        Http.Response existing = http.get(catalog + "/api/events/" + SLUG, Map.of());
        String eventId;
        if (existing.ok()) {
            eventId = existing.json().path("id").asString();
        } else {
            // The demo organizer's own admin creates its event (the event belongs to that organizer).
            String admin = "Bearer " + issuer.organizerAdmin(Duration.ofMinutes(5));
            Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
            Map<String, Object> event = Map.of(
                    "name", "Perreo Fridays",
                    "slug", SLUG,
                    "description", "Reggaeton all night. Doors open, dance floor waiting.",
                    "venue", Map.of("name", "Sala Taquilla", "address", "Calle Mayor 1", "city", "Madrid", "timezone", "Europe/Madrid"),
                    "startsAt", now.plus(Duration.ofHours(2)).toString(),
                    "doorsOpenAt", now.minus(Duration.ofMinutes(30)).toString(),
                    "salesStartAt", now.minus(Duration.ofDays(1)).toString(),
                    "salesEndAt", now.plus(Duration.ofHours(2)).toString(),
                    "venueCapacity", 500,
                    "ticketTypes", List.of(
                            Map.of("code", "VIP", "name", "VIP", "priceMinor", 5000, "currency", "USD", "capacity", 100, "maxPerOrder", 10),
                            Map.of("code", "GA", "name", "General Admission", "priceMinor", 2500, "currency", "USD", "capacity", 400, "maxPerOrder", 10)));
            Map<String, String> auth = Map.of("Authorization", admin);
            Http.Response created = http.post(catalog + "/api/admin/events", auth, event);
            if (!created.ok()) {
                throw new IllegalStateException("creating the demo event failed: " + created.status() + " " + created.body());
            }
            JsonNode body = created.json();
            eventId = body.path("id").asString();
            Http.Response published = http.post(catalog + "/api/admin/events/" + eventId + "/publish", auth, null);
            if (!published.ok()) {
                throw new IllegalStateException("publishing the demo event failed: " + published.status() + " " + published.body());
            }
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!http.get(orders + "/api/events/" + eventId + "/availability", Map.of()).ok()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("order-service never saw the demo event " + eventId);
            }
            Thread.sleep(200);
        }
    }
}
