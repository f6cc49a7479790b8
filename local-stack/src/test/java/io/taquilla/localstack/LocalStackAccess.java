package io.taquilla.localstack;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** The local stack as benchmarks in other packages drive it: start, order, pay, wait for the email. */
public final class LocalStackAccess implements AutoCloseable {

    private final LocalStack stack;
    private final Routes routes;
    private final Http http = new Http();
    private final String eventId;
    private final String gaTypeId;

    private LocalStackAccess(LocalStack stack) {
        this.stack = stack;
        this.routes = Routes.direct(stack.layout);
        this.eventId = http.get(routes.url("/api/events/" + DemoData.SLUG), Map.of()).json().path("id").asString();
        String type = null;
        for (JsonNode t : http.get(routes.url("/api/events/" + eventId + "/availability"), Map.of()).json().path("ticketTypes")) {
            if ("GA".equals(t.path("code").asString())) {
                type = t.path("ticketTypeId").asString();
            }
        }
        this.gaTypeId = type;
    }

    public static LocalStackAccess start(int base) throws Exception {
        return new LocalStackAccess(LocalStack.start(home(), new StackLayout(base), null));
    }

    /** The repository root, whether run from it (exec:java) or from the module (surefire). */
    static java.nio.file.Path home() {
        java.nio.file.Path dir = java.nio.file.Path.of("").toAbsolutePath();
        while (dir != null && !java.nio.file.Files.isDirectory(dir.resolve("local-stack"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run from inside the Taquilla repository");
        }
        return dir;
    }

    public double startupSeconds() {
        return stack.startup.toMillis() / 1000.0;
    }

    /** Orders one GA ticket, pays it through the simulator, returns pay-to-email-in-inbox time. */
    public Duration payAndAwaitEmail(Duration patience) throws InterruptedException {
        String email = "bench+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Http.Response placed = http.post(routes.url("/api/orders"), Map.of("Idempotency-Key", UUID.randomUUID().toString()),
                Map.of("eventId", eventId, "items", List.of(Map.of("ticketTypeId", gaTypeId, "quantity", 1)),
                        "customer", Map.of("email", email, "name", "Bench Buyer")));
        if (placed.status() != 201) {
            throw new IllegalStateException("order refused: " + placed.status() + " " + placed.body());
        }
        String orderId = placed.json().path("orderId").asString();
        Map<String, String> buyer = Map.of("X-Order-Token", placed.json().path("accessToken").asString());
        Instant deadline = Instant.now().plus(patience);
        String checkoutUrl = null;
        while (checkoutUrl == null) {
            JsonNode order = http.get(routes.url("/api/orders/" + orderId), buyer).json();
            if (order.path("checkoutUrl").isString()) {
                checkoutUrl = order.path("checkoutUrl").asString();
            } else if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("no checkout URL for " + orderId);
            } else {
                Thread.sleep(5);
            }
        }
        String sessionId = checkoutUrl.substring(checkoutUrl.lastIndexOf('/') + 1);
        long start = System.nanoTime();
        Http.Response paid = http.post(routes.url("/api/payments/simulator/sessions/" + sessionId + "/pay"), Map.of(), null);
        if (!paid.ok()) {
            throw new IllegalStateException("pay failed: " + paid.status() + " " + paid.body());
        }
        while (true) {
            String inbox = http.get(stack.layout.inboxUrl() + "/messages", Map.of()).body();
            if (inbox.contains(email)) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("no email to " + email);
            }
            Thread.sleep(2);
        }
    }

    @Override
    public void close() {
        stack.close();
    }
}
