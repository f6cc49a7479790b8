package io.taquilla.localstack;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import tools.jackson.databind.JsonNode;

/**
 * The buyer-to-door journey against a running stack, step by step: browse, order 2 GA, pay
 * through the simulated provider (a signed webhook), get confirmed, tickets and the email, scan
 * (accepted, then already used), refund, scan the sibling (revoked), availability restored.
 * Every step checks what it must; {@link #run()} returns false at the first step that does not.
 */
final class DemoJourney {

    private final Routes routes;
    private final String inbox;
    private final String adminToken;
    private final String doorToken;
    private final PrintStream out;
    private final Http http = new Http();
    private final Duration patience = Duration.ofSeconds(60);
    private int step;

    /** @param adminToken a platform or demo-organizer admin token; @param doorToken the demo organizer's door (device-bound) */
    DemoJourney(Routes routes, String inbox, String adminToken, String doorToken, PrintStream out) {
        this.routes = routes;
        this.inbox = inbox;
        this.adminToken = adminToken;
        this.doorToken = doorToken;
        this.out = out;
    }

    /** A failed expectation; the message says what was expected and what came back. */
    static final class StepFailed extends RuntimeException {
        StepFailed(String message) {
            super(message);
        }
    }

    boolean run() {
        try {
            journey();
            out.println();
            out.println("Demo journey passed: every step did what it should.");
            return true;
        } catch (StepFailed | IllegalStateException e) {
            out.println("  ✗ " + e.getMessage());
            out.println();
            out.println("Demo journey FAILED at step " + step + ".");
            return false;
        }
    }

    private void journey() {
        // The demo organizer's admin and its door device (the device travels in the token, not the body).
        Map<String, String> admin = Map.of("Authorization", "Bearer " + adminToken);
        Map<String, String> door = Map.of("Authorization", "Bearer " + doorToken);

        step("List events");
        JsonNode events = expectOk(http.get(routes.url("/api/events"), Map.of())).json();
        JsonNode event = find(items(events), e -> DemoData.SLUG.equals(e.path("slug").asString()), "the Perreo Fridays event in " + events);
        String eventId = event.path("id").asString();
        say("found \"" + event.path("name").asString() + "\" (" + eventId + ")");

        step("Check availability");
        JsonNode availability = expectOk(http.get(routes.url("/api/events/" + eventId + "/availability"), Map.of())).json();
        JsonNode ga = gaType(availability);
        String gaId = ga.path("ticketTypeId").asString();
        int availableBefore = ga.path("available").asInt();
        say("General Admission: " + availableBefore + " available of " + ga.path("capacity").asInt());

        step("Order 2 General Admission tickets");
        String email = "demo+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Map<String, Object> order = Map.of("eventId", eventId,
                "items", List.of(Map.of("ticketTypeId", gaId, "quantity", 2)),
                "customer", Map.of("email", email, "name", "Demo Buyer"));
        JsonNode placed = expect(http.post(routes.url("/api/orders"), Map.of("Idempotency-Key", UUID.randomUUID().toString()), order),
                r -> r.status() == 201 || r.status() == 200, "201 Created").json();
        String orderId = placed.path("orderId").asString();
        String token = placed.path("accessToken").asString();
        Map<String, String> buyer = Map.of("X-Order-Token", token);
        say("order " + orderId + " is " + placed.path("status").asString() + ", total " + placed.path("totalMinor").asLong()
                + " " + placed.path("currency").asString() + ", held until " + placed.path("holdExpiresAt").asString());
        int availableHeld = gaType(expectOk(http.get(routes.url("/api/events/" + eventId + "/availability"), Map.of())).json())
                .path("available").asInt();
        check(availableHeld == availableBefore - 2, "availability drops by 2 at once (was " + availableBefore + ", now " + availableHeld + ")");

        step("Pay through the simulated Stripe checkout (a signed webhook)");
        JsonNode withCheckout = poll(() -> http.get(routes.url("/api/orders/" + orderId), buyer),
                r -> r.ok() && !r.json().path("checkoutUrl").isMissingNode() && !r.json().path("checkoutUrl").isNull(),
                "the order to get a checkout URL").json();
        String checkoutUrl = withCheckout.path("checkoutUrl").asString();
        String sessionId = checkoutUrl.substring(checkoutUrl.lastIndexOf('/') + 1);
        say("checkout at " + checkoutUrl);
        expectOk(http.post(routes.url("/api/payments/simulator/sessions/" + sessionId + "/pay"), Map.of(), null));
        say("paid");

        step("Order confirmed");
        poll(() -> http.get(routes.url("/api/orders/" + orderId), buyer), r -> r.ok() && "CONFIRMED".equals(r.json().path("status").asString()),
                "order status CONFIRMED");
        say("CONFIRMED");

        step("Tickets issued");
        JsonNode ticketList = poll(() -> http.get(routes.url("/api/tickets/orders/" + orderId), buyer),
                r -> r.ok() && items(r.json()).size() == 2, "2 tickets").json();
        List<JsonNode> tickets = items(ticketList);
        List<String> qrs = new ArrayList<>();
        for (JsonNode ticket : tickets) {
            String ticketId = ticket.has("ticketId") ? ticket.path("ticketId").asString() : ticket.path("id").asString();
            Http.Response png = expectOk(http.get(routes.url("/api/tickets/" + ticketId + "/qr.png"), buyer));
            qrs.add(decodeQr(png.raw().body()));
            say(ticket.path("ticketNumber").asString() + " — QR decoded (" + qrs.get(qrs.size() - 1).length() + " chars)");
        }

        step("Email with the QR codes in the inbox");
        poll(() -> http.get(inbox + "/messages", Map.of()), r -> r.ok() && items(r.json()).stream()
                .anyMatch(m -> m.path("to").asString().contains(email)), "an email to " + email);
        JsonNode mail = find(items(http.get(inbox + "/messages", Map.of()).json()), m -> m.path("to").asString().contains(email), "the email");
        String raw = expectOk(http.get(inbox + "/messages/" + mail.path("index").asInt(), Map.of())).body();
        check(raw.contains("Content-ID") && raw.toLowerCase().contains("image/png"), "the email carries inline QR images");
        say("\"" + mail.path("subject").asString() + "\" to " + email);

        step("Scan the first ticket at the door");
        Map<String, Object> scan = Map.of("qr", qrs.get(0), "eventId", eventId, "gate", "A");
        JsonNode first = expectOk(http.post(routes.url("/api/scans"), door, scan)).json();
        check("ACCEPTED".equals(first.path("verdict").asString()), "verdict ACCEPTED, got " + first);
        JsonNode admitted = first.path("ticket");
        check(!admitted.path("holderName").asString("").isBlank(), "the door screen shows the holder, got " + first);
        say("ACCEPTED — " + admitted.path("ticketType").asString() + ", " + admitted.path("holderName").asString()
                + ", " + admitted.path("ticketNumber").asString());

        step("Scan it again");
        JsonNode second = expectOk(http.post(routes.url("/api/scans"), door, scan)).json();
        check("REJECTED".equals(second.path("verdict").asString()) && "ALREADY_USED".equals(second.path("reason").asString()),
                "REJECTED / ALREADY_USED, got " + second);
        say("REJECTED — ALREADY_USED " + second.path("firstScan"));

        step("Admin refunds the order");
        expect(http.post(routes.url("/api/admin/orders/" + orderId + "/refund"), admin, null), r -> r.ok(), "2xx");
        poll(() -> http.get(routes.url("/api/orders/" + orderId), buyer), r -> r.ok() && "REFUNDED".equals(r.json().path("status").asString()),
                "order status REFUNDED");
        say("REFUNDED");

        step("Scan the sibling ticket");
        poll(() -> http.get(routes.url("/api/events/" + eventId + "/offline-bundle"), door),
                r -> r.ok() && r.body().contains(ticketIdOf(tickets.get(1))), "the door to learn the revocation");
        JsonNode revoked = expectOk(http.post(routes.url("/api/scans"), door,
                Map.of("qr", qrs.get(1), "eventId", eventId, "gate", "A"))).json();
        check("REJECTED".equals(revoked.path("verdict").asString()) && "REVOKED".equals(revoked.path("reason").asString()),
                "REJECTED / REVOKED, got " + revoked);
        say("REJECTED — REVOKED");

        step("Availability is back");
        int availableAfter = poll(() -> http.get(routes.url("/api/events/" + eventId + "/availability"), Map.of()),
                r -> r.ok() && gaType(r.json()).path("available").asInt() == availableBefore, "GA availability back to " + availableBefore)
                .json().path("available").asInt(availableBefore);
        say("General Admission: " + availableBefore + " available again");
    }

    private static String ticketIdOf(JsonNode ticket) {
        return ticket.has("ticketId") ? ticket.path("ticketId").asString() : ticket.path("id").asString();
    }

    private static JsonNode gaType(JsonNode availability) {
        JsonNode types = availability.has("ticketTypes") ? availability.path("ticketTypes") : availability.path("types");
        return find(items(types), t -> "GA".equals(t.path("code").asString())
                || t.path("name").asString().startsWith("General"), "the General Admission type in " + availability);
    }

    private static List<JsonNode> items(JsonNode node) {
        JsonNode array = node.isArray() ? node : node.has("items") ? node.path("items")
                : node.has("content") ? node.path("content") : node.has("tickets") ? node.path("tickets") : node.path("events");
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    private static JsonNode find(List<JsonNode> nodes, Predicate<JsonNode> test, String what) {
        return nodes.stream().filter(test).findFirst().orElseThrow(() -> new StepFailed("expected " + what));
    }

    private static String decodeQr(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            if (image == null) {
                throw new StepFailed("the QR endpoint did not return a PNG");
            }
            BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
            // A rendered (not photographed) code: the pure-barcode path reads every one of them,
            // the general detector misses ~1.5% (measured in notification-service's tests).
            return new MultiFormatReader().decode(bitmap,
                    Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
        } catch (StepFailed e) {
            throw e;
        } catch (Exception e) {
            throw new StepFailed("the QR code does not decode: " + e);
        }
    }

    private Http.Response poll(Supplier<Http.Response> request, Predicate<Http.Response> done, String what) {
        Instant deadline = Instant.now().plus(patience);
        Http.Response last = null;
        while (Instant.now().isBefore(deadline)) {
            last = request.get();
            if (done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StepFailed("interrupted");
            }
        }
        throw new StepFailed("waited " + patience.toSeconds() + " s for " + what + "; last answer "
                + (last == null ? "none" : last.status() + " " + last.body()));
    }

    private static Http.Response expectOk(Http.Response response) {
        return expect(response, Http.Response::ok, "2xx");
    }

    private static Http.Response expect(Http.Response response, Predicate<Http.Response> test, String what) {
        if (!test.test(response)) {
            throw new StepFailed("expected " + what + ", got " + response.status() + " " + response.body());
        }
        return response;
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new StepFailed("expected " + what);
        }
    }

    private void step(String title) {
        step++;
        out.println();
        out.println(step + ". " + title);
    }

    private void say(String line) {
        out.println("  ✓ " + line);
    }
}
