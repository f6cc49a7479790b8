package io.taquilla.localstack;

import static org.awaitility.Awaitility.await;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import tools.jackson.databind.JsonNode;

/** Real tickets for the door tests, bought as a buyer does: order, simulated Stripe payment, QR PNG. */
final class DoorTickets {

    record Ticket(String ticketId, String ticketNumber, String qr, String orderId, String orderToken) {}

    private final Http http = new Http();
    private final Routes routes;
    final String eventId;
    private final String gaTypeId;

    DoorTickets(Routes routes) {
        this.routes = routes;
        JsonNode events = http.get(routes.url("/api/events"), Map.of()).json();
        JsonNode event = null;
        for (JsonNode e : events.isArray() ? events : events.path("items")) {
            if (DemoData.SLUG.equals(e.path("slug").asString())) {
                event = e;
            }
        }
        this.eventId = event.path("id").asString();
        JsonNode availability = http.get(routes.url("/api/events/" + eventId + "/availability"), Map.of()).json();
        String ga = null;
        for (JsonNode type : availability.isArray() ? availability : availability.path("ticketTypes")) {
            if ("GA".equals(type.path("code").asString()) || "General Admission".equals(type.path("name").asString())) {
                ga = type.path("ticketTypeId").asString();
            }
        }
        this.gaTypeId = ga;
    }

    /** Buys {@code count} General Admission tickets for {@code buyer} and waits until the door knows them. */
    List<Ticket> buy(int count, String buyer, String doorToken) {
        String email = "door+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Http.Response placed = http.post(routes.url("/api/orders"), Map.of("Idempotency-Key", UUID.randomUUID().toString()),
                Map.of("eventId", eventId, "items", List.of(Map.of("ticketTypeId", gaTypeId, "quantity", count)),
                        "customer", Map.of("email", email, "name", buyer)));
        if (placed.status() != 201 && placed.status() != 200) {
            throw new IllegalStateException("order failed: " + placed.status() + " " + placed.body());
        }
        String orderId = placed.json().path("orderId").asString();
        Map<String, String> owner = Map.of("X-Order-Token", placed.json().path("accessToken").asString());
        AtomicReference<String> checkout = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode order = http.get(routes.url("/api/orders/" + orderId), owner).json();
            checkout.set(order.path("checkoutUrl").asString(null));
            return checkout.get() != null;
        });
        String sessionId = checkout.get().substring(checkout.get().lastIndexOf('/') + 1);
        http.post(routes.url("/api/payments/simulator/sessions/" + sessionId + "/pay"), Map.of(), null);
        AtomicReference<JsonNode> issued = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Http.Response r = http.get(routes.url("/api/tickets/orders/" + orderId), owner);
            if (!r.ok()) {
                return false;
            }
            JsonNode list = r.json().isArray() ? r.json() : r.json().path("tickets");
            issued.set(list);
            return list.size() == count;
        });
        List<Ticket> tickets = new ArrayList<>();
        for (JsonNode t : issued.get()) {
            String ticketId = t.has("ticketId") ? t.path("ticketId").asString() : t.path("id").asString();
            byte[] png = http.get(routes.url("/api/tickets/" + ticketId + "/qr.png"), owner).raw().body();
            tickets.add(new Ticket(ticketId, t.path("ticketNumber").asString(), decode(png), orderId, owner.get("X-Order-Token")));
        }
        Map<String, String> door = Map.of("Authorization", "Bearer " + doorToken);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            String roster = http.get(routes.url("/api/door/events/" + eventId + "/roster"), door).body();
            return tickets.stream().allMatch(t -> roster.contains(t.ticketId()));
        });
        return tickets;
    }

    /** Refunds the order (its tickets are revoked) and waits until the door's bundle lists them. */
    void refund(Ticket ticket, String adminToken, String doorToken) {
        Http.Response r = http.post(routes.url("/api/admin/orders/" + ticket.orderId() + "/refund"),
                Map.of("Authorization", "Bearer " + adminToken), null);
        if (!r.ok()) {
            throw new IllegalStateException("refund failed: " + r.status() + " " + r.body());
        }
        Map<String, String> door = Map.of("Authorization", "Bearer " + doorToken);
        await().atMost(Duration.ofSeconds(60)).until(() -> http.get(routes.url("/api/events/" + eventId + "/offline-bundle"), door)
                .json().path("revokedTicketIds").toString().contains(ticket.ticketId()));
    }

    JsonNode board(String doorToken) {
        return http.get(routes.url("/api/events/" + eventId + "/checkins"), Map.of("Authorization", "Bearer " + doorToken)).json();
    }

    private static String decode(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                    Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
        } catch (Exception e) {
            throw new IllegalStateException("ticket QR does not decode", e);
        }
    }
}
