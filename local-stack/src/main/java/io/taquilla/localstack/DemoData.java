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

    /** The organizer that runs "Perreo Fridays"; identity-service seeds it with this id. */
    static final String ORGANIZER_ID = "6f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f";
    static final String ORGANIZER_NAME = "Perreo Productions";

    /** A seeded login (local stack only), printed by {@code ./taquilla up}. */
    record Login(String role, String email, String password, String organizerId) {}

    static final Login PLATFORM_ADMIN = new Login("platform-admin", "admin@taquilla.local", "taquilla-admin-local", null);
    static final Login ORGANIZER_ADMIN = new Login("organizer-admin", "marta@perreo.local", "perreo-admin-local", ORGANIZER_ID);
    static final Login DOOR = new Login("door", "door@perreo.local", "perreo-door-local", ORGANIZER_ID);
    static final java.util.List<Login> LOGINS = java.util.List.of(PLATFORM_ADMIN, ORGANIZER_ADMIN, DOOR);

    /** The script client's secret locally; {@code ./taquilla token admin} uses it. */
    static final String CLI_CLIENT_ID = "taquilla-cli";
    static final String CLI_CLIENT_SECRET = "taquilla-cli-local-secret";

    /** identity-service's seed for the local stack, as SPRING_APPLICATION_JSON. */
    static String identitySeedJson() {
        StringBuilder staff = new StringBuilder();
        for (Login login : LOGINS) {
            if (staff.length() > 0) {
                staff.append(',');
            }
            staff.append("{\"email\":\"").append(login.email()).append("\",\"name\":\"")
                    .append(login.role().equals("door") ? "Door staff" : login.role().equals("platform-admin") ? "Taquilla admin" : "Marta Vidal")
                    .append("\",\"password\":\"").append(login.password()).append("\",\"role\":\"").append(login.role())
                    .append('"').append(login.organizerId() == null ? "" : ",\"organizerId\":\"" + login.organizerId() + "\"")
                    .append('}');
        }
        return "{\"taquilla\":{\"identity\":{\"seed\":{\"organizers\":[{\"id\":\"" + ORGANIZER_ID + "\",\"name\":\""
                + ORGANIZER_NAME + "\"}],\"staff\":[" + staff + "]}}}}";
    }

    private DemoData() {
    }

    static void load(StackLayout layout, boolean viaGateway) throws InterruptedException {
        Http http = new Http();
        String catalog = viaGateway ? layout.gatewayUrl() : layout.url("catalog-service");
        String orders = viaGateway ? layout.gatewayUrl() : layout.url("order-service");
        Http.Response existing = http.get(catalog + "/api/events/" + SLUG, Map.of());
        String eventId;
        if (existing.ok()) {
            eventId = existing.json().path("id").asString();
        } else {
            // A platform admin from identity-service (the local script client) creates the event on
            // behalf of the demo organizer, which then owns it.
            String admin = "Bearer " + new StaffTokens(viaGateway ? layout.gatewayUrl() : layout.url("identity-service"))
                    .clientCredentials(CLI_CLIENT_ID, CLI_CLIENT_SECRET);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
            Map<String, Object> event = new java.util.HashMap<>(Map.of(
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
                            Map.of("code", "GA", "name", "General Admission", "priceMinor", 2500, "currency", "USD", "capacity", 400, "maxPerOrder", 10))));
            event.put("organizerId", ORGANIZER_ID);
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
