package io.taquilla.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Payments end to end through the real services over Kafka: Stripe-signed webhooks in,
 * orders, tickets and emails out.
 */
class PaymentsAcrossServicesTest {

    private static LocalStack stack;
    private static Routes routes;
    private final Http http = new Http();

    record PlacedOrder(String orderId, String token, String email) {
        Map<String, String> buyer() {
            return Map.of("X-Order-Token", token);
        }
    }

    @BeforeAll
    static void startStack() throws Exception {
        stack = SharedStack.get();
        routes = stack.routes();
    }

    @Test
    void tenConcurrentCopiesOfOneWebhookConfirmTheOrderOnce() throws Exception {
        String eventId = demoEventId();
        PlacedOrder order = place(eventId, gaTypeId(eventId), 1);
        String sessionId = checkoutSession(order);
        String payload = StripeWebhooks.checkoutCompleted(sessionId, order.orderId(), 2500, "USD", "pi_test_" + shortId());
        String signature = StripeWebhooks.signature(payload, LocalStack.STRIPE_WEBHOOK_SECRET);

        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<Http.Response>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(pool.submit(() -> new Http().post(routes.url("/api/payments/webhooks/stripe"),
                    Map.of("Stripe-Signature", signature), payload)));
        }
        for (Future<Http.Response> answer : answers) {
            assertThat(answer.get().status()).as(answer.get().body()).isEqualTo(200);
        }
        pool.shutdown();

        await().atMost(Duration.ofSeconds(60)).until(() -> "CONFIRMED".equals(status(order)));
        await().atMost(Duration.ofSeconds(60)).until(() -> emailsTo(order.email()).size() == 1);
        // And it stays at one set of tickets and one email.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20)).until(() ->
                emailsTo(order.email()).size() == 1 && tickets(order) == 1);
    }

    @Test
    void aDeclinedCardKeepsTheOrderAndTheRetryOnTheSameSessionConfirmsIt() {
        String eventId = demoEventId();
        String gaTypeId = gaTypeId(eventId);
        int before = available(eventId, gaTypeId);
        PlacedOrder order = place(eventId, gaTypeId, 2);
        assertThat(available(eventId, gaTypeId)).isEqualTo(before - 2);
        String sessionId = checkoutSession(order);

        Http.Response declined = http.post(routes.url("/api/payments/simulator/sessions/" + sessionId + "/decline"), Map.of(), null);
        assertThat(declined.ok()).as(declined.body()).isTrue();

        Http.Response paid = http.post(routes.url("/api/payments/simulator/sessions/" + sessionId + "/pay"), Map.of(), null);
        assertThat(paid.ok()).as(paid.body()).isTrue();

        await().atMost(Duration.ofSeconds(60)).until(() -> "CONFIRMED".equals(status(order)));
        assertThat(available(eventId, gaTypeId)).isEqualTo(before - 2);
    }

    @Test
    void aPaymentAfterTheHoldWasLostOnASoldOutTypeIsRefundedAutomatically() throws Exception {
        String eventId = createEventWithOneTicket();
        String typeId = gaTypeId(eventId);
        PlacedOrder late = place(eventId, typeId, 1);
        String sessionId = checkoutSession(late);

        // The buyer takes too long: the hold expires and someone else buys the last ticket.
        await().atMost(Duration.ofSeconds(120)).until(() -> "EXPIRED".equals(status(late)));
        PlacedOrder other = place(eventId, typeId, 1);
        assertThat(status(other)).isEqualTo("AWAITING_PAYMENT");

        // Then the late buyer's payment lands.
        String payload = StripeWebhooks.checkoutCompleted(sessionId, late.orderId(), 1000, "USD", "pi_test_" + shortId());
        Http.Response delivered = http.post(routes.url("/api/payments/webhooks/stripe"),
                Map.of("Stripe-Signature", StripeWebhooks.signature(payload, LocalStack.STRIPE_WEBHOOK_SECRET)), payload);
        assertThat(delivered.status()).as(delivered.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(90)).until(() -> "REFUNDED".equals(status(late)));
        await().atMost(Duration.ofSeconds(60)).until(() -> emailsTo(late.email()).stream()
                .anyMatch(m -> m.path("subject").asString().contains("refunded")));
        assertThat(status(other)).as("the buyer who got the last ticket keeps it").isEqualTo("AWAITING_PAYMENT");
        assertThat(available(eventId, typeId)).isZero();
    }

    private String demoEventId() {
        return http.get(routes.url("/api/events/" + DemoData.SLUG), Map.of()).json().path("id").asString();
    }

    private String gaTypeId(String eventId) {
        JsonNode availability = http.get(routes.url("/api/events/" + eventId + "/availability"), Map.of()).json();
        for (JsonNode type : availability.path("ticketTypes")) {
            if ("GA".equals(type.path("code").asString())) {
                return type.path("ticketTypeId").asString();
            }
        }
        throw new AssertionError("no GA type in " + availability);
    }

    private int available(String eventId, String typeId) {
        JsonNode availability = http.get(routes.url("/api/events/" + eventId + "/availability"), Map.of()).json();
        for (JsonNode type : availability.path("ticketTypes")) {
            if (typeId.equals(type.path("ticketTypeId").asString())) {
                return type.path("available").asInt();
            }
        }
        throw new AssertionError("no type " + typeId + " in " + availability);
    }

    private PlacedOrder place(String eventId, String typeId, int quantity) {
        String email = "journey+" + shortId() + "@example.com";
        Http.Response placed = http.post(routes.url("/api/orders"), Map.of("Idempotency-Key", UUID.randomUUID().toString()),
                Map.of("eventId", eventId, "items", List.of(Map.of("ticketTypeId", typeId, "quantity", quantity)),
                        "customer", Map.of("email", email, "name", "Journey Buyer")));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return new PlacedOrder(placed.json().path("orderId").asString(), placed.json().path("accessToken").asString(), email);
    }

    private String checkoutSession(PlacedOrder order) {
        String[] url = new String[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode body = http.get(routes.url("/api/orders/" + order.orderId()), order.buyer()).json();
            url[0] = body.path("checkoutUrl").isString() ? body.path("checkoutUrl").asString() : null;
            return url[0] != null;
        });
        return url[0].substring(url[0].lastIndexOf('/') + 1);
    }

    private String status(PlacedOrder order) {
        return http.get(routes.url("/api/orders/" + order.orderId()), order.buyer()).json().path("status").asString();
    }

    private int tickets(PlacedOrder order) {
        Http.Response list = http.get(routes.url("/api/tickets/orders/" + order.orderId()), order.buyer());
        JsonNode body = list.json();
        JsonNode tickets = body.isArray() ? body : body.path("tickets");
        return tickets.size();
    }

    private List<JsonNode> emailsTo(String address) {
        List<JsonNode> found = new ArrayList<>();
        http.get(stack.layout.inboxUrl() + "/messages", Map.of()).json().forEach(m -> {
            if (m.path("to").asString().contains(address)) {
                found.add(m);
            }
        });
        return found;
    }

    private String createEventWithOneTicket() {
        Map<String, String> admin = Map.of("Authorization",
                "Bearer " + stack.identityAdminToken());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> event = new java.util.HashMap<>(Map.of(
                "name", "Last Ticket " + shortId(),
                "description", "One ticket only",
                "venue", Map.of("name", "Sala Pequeña", "address", "Calle Menor 2", "city", "Madrid", "timezone", "Europe/Madrid"),
                "startsAt", now.plus(Duration.ofHours(3)).toString(),
                "doorsOpenAt", now.plus(Duration.ofHours(2)).toString(),
                "salesStartAt", now.minus(Duration.ofHours(1)).toString(),
                "salesEndAt", now.plus(Duration.ofHours(2)).toString(),
                "venueCapacity", 10,
                "ticketTypes", List.of(Map.of("code", "GA", "name", "General Admission", "priceMinor", 1000,
                        "currency", "USD", "capacity", 1, "maxPerOrder", 1))));
        event.put("organizerId", DemoData.ORGANIZER_ID);
        Http.Response created = http.post(routes.url("/api/admin/events"), admin, event);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String eventId = created.json().path("id").asString();
        Http.Response published = http.post(routes.url("/api/admin/events/" + eventId + "/publish"), admin, null);
        assertThat(published.ok()).as(published.body()).isTrue();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                http.get(routes.url("/api/events/" + eventId + "/availability"), Map.of()).ok());
        return eventId;
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
