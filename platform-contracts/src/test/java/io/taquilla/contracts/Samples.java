package io.taquilla.contracts;

import io.taquilla.contracts.catalog.EventCancelled;
import io.taquilla.contracts.catalog.EventPublished;
import io.taquilla.contracts.catalog.EventSnapshot;
import io.taquilla.contracts.catalog.EventUpdated;
import io.taquilla.contracts.catalog.TicketTypeSnapshot;
import io.taquilla.contracts.catalog.Venue;
import io.taquilla.contracts.common.Customer;
import io.taquilla.contracts.common.Money;
import io.taquilla.contracts.identity.DeviceRegistered;
import io.taquilla.contracts.identity.DeviceRevoked;
import io.taquilla.contracts.identity.PasswordResetRequested;
import io.taquilla.contracts.identity.StaffInvited;
import io.taquilla.contracts.identity.StaffRemoved;
import io.taquilla.contracts.identity.StaffRoleChanged;
import io.taquilla.contracts.notification.DeliveryStatusChanged;
import io.taquilla.contracts.ordering.InventoryChanged;
import io.taquilla.contracts.ordering.OrderCancelled;
import io.taquilla.contracts.ordering.OrderConfirmed;
import io.taquilla.contracts.ordering.OrderDisputed;
import io.taquilla.contracts.ordering.OrderExpired;
import io.taquilla.contracts.ordering.OrderLine;
import io.taquilla.contracts.ordering.OrderPlaced;
import io.taquilla.contracts.ordering.OrderRefunded;
import io.taquilla.contracts.ordering.OrderRejected;
import io.taquilla.contracts.ordering.RefundRequested;
import io.taquilla.contracts.payments.CheckoutSessionCreated;
import io.taquilla.contracts.payments.PaymentDisputed;
import io.taquilla.contracts.payments.PaymentFailed;
import io.taquilla.contracts.payments.RefundFailed;
import io.taquilla.contracts.payments.PaymentFlagged;
import io.taquilla.contracts.payments.PaymentRefunded;
import io.taquilla.contracts.payments.PaymentSucceeded;
import io.taquilla.contracts.scanning.CheckInUndone;
import io.taquilla.contracts.scanning.TicketScanned;
import io.taquilla.contracts.ticketing.IssuedTicket;
import io.taquilla.contracts.ticketing.SigningKeyPublished;
import io.taquilla.contracts.ticketing.TicketsIssued;
import io.taquilla.contracts.ticketing.TicketsRevoked;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static java.util.Map.entry;

/**
 * Realistic instances of every event, including variants where nullable components are null.
 * A new event record fails the contract tests until it gets a sample here.
 */
final class Samples {

    /** Microsecond precision, as PostgreSQL timestamptz stores it. */
    static final Instant NOW = Instant.parse("2026-01-15T18:30:12.345678Z");
    static final Instant STARTS_AT = Instant.parse("2026-03-14T21:00:00Z");

    static final UUID CATALOG_EVENT_ID = UUID.fromString("5f0c6a1e-8d2b-4c3e-9a47-1b2d3e4f5a6b");
    static final UUID ORDER_ID = UUID.fromString("0b7e9d52-3c41-4f8a-b6d2-9e1f0a2b3c4d");
    static final UUID GA_ID = UUID.fromString("c1a2b3c4-d5e6-47f8-9a0b-1c2d3e4f5a6b");
    static final UUID VIP_ID = UUID.fromString("d2b3c4d5-e6f7-4809-8a1b-2c3d4e5f6a7b");
    static final UUID TICKET_1 = UUID.fromString("e3c4d5e6-f708-4192-8b2c-3d4e5f6a7b8c");
    static final UUID TICKET_2 = UUID.fromString("f4d5e6f7-0819-42a3-9c3d-4e5f6a7b8c9d");

    static final UUID STAFF_ID = UUID.fromString("a7c1e2d3-4b5f-4678-9a0b-c1d2e3f4a5b6");
    static final UUID ORGANIZER_ID = UUID.fromString("0e6f1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b");
    static final UUID DEVICE_ID = UUID.fromString("9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a");

    static final Money GA_PRICE = new Money(2500, "EUR");
    static final Money VIP_PRICE = new Money(6000, "EUR");
    static final Money TOTAL = new Money(11000, "EUR");
    static final Customer ANA = new Customer("ana.garcia@example.com", "Ana García", "+34612345678");
    static final Customer BEN_NO_PHONE = new Customer("ben.okafor@example.org", "Ben Okafor", null);

    static final List<OrderLine> LINES = List.of(
            new OrderLine(GA_ID, "GA", "General admission", 2, GA_PRICE),
            new OrderLine(VIP_ID, "VIP", "VIP balcony", 1, VIP_PRICE));

    private static final Map<Class<? extends TaquillaEvent>, List<TaquillaEvent>> SAMPLES = Map.ofEntries(
            entry(EventPublished.class, List.of(new EventPublished(id(), NOW, snapshot("PUBLISHED", 3)))),
            entry(EventUpdated.class, List.of(new EventUpdated(id(), NOW, snapshot("PUBLISHED", 4)))),
            entry(EventCancelled.class, List.of(new EventCancelled(id(), NOW, snapshot("CANCELLED", 5)))),

            entry(OrderPlaced.class, List.of(new OrderPlaced(id(), NOW, ORDER_ID, CATALOG_EVENT_ID, LINES, TOTAL, ANA,
                    NOW.plus(Duration.ofMinutes(10)), "es"),
                    // As an earlier producer wrote it: no locale.
                    new OrderPlaced(id(), NOW, ORDER_ID, CATALOG_EVENT_ID, LINES, TOTAL, BEN_NO_PHONE,
                            NOW.plus(Duration.ofMinutes(10))))),
            entry(OrderConfirmed.class, List.of(
                    new OrderConfirmed(id(), NOW, ORDER_ID, CATALOG_EVENT_ID, "Rosalía — Motomami Tour", "Sala Apolo",
                            STARTS_AT, LINES, TOTAL, ANA, "pi_3QhY2kLkdIwHu7ix0cX1bD2e", "Carrer Nou de la Rambla 113",
                            "Barcelona", "Europe/Madrid", "es"),
                    new OrderConfirmed(id(), NOW, ORDER_ID, CATALOG_EVENT_ID, "Open rehearsal", "Sala Apolo",
                            STARTS_AT, List.of(new OrderLine(GA_ID, "FREE", "Free entry", 1, new Money(0, "EUR"))),
                            new Money(0, "EUR"), BEN_NO_PHONE, null))),
            entry(OrderExpired.class, List.of(new OrderExpired(id(), NOW, ORDER_ID, CATALOG_EVENT_ID, BEN_NO_PHONE,
                    "Open rehearsal", "en"), new OrderExpired(id(), NOW, ORDER_ID, CATALOG_EVENT_ID, BEN_NO_PHONE))),
            entry(OrderCancelled.class, List.of(
                    new OrderCancelled(id(), NOW, ORDER_ID, CATALOG_EVENT_ID, ANA, "PAYMENT_FAILED"))),
            entry(OrderRejected.class, List.of(new OrderRejected(id(), NOW, ORDER_ID, CATALOG_EVENT_ID, ANA, TOTAL,
                    "pi_3QhY2kLkdIwHu7ix0cX1bD2e", "SOLD_OUT_AFTER_HOLD_EXPIRED", "Rosalía — Motomami Tour", "es"))),
            entry(RefundRequested.class, List.of(new RefundRequested(id(), NOW, ORDER_ID, TOTAL,
                    "pi_3QhY2kLkdIwHu7ix0cX1bD2e", "Buyer cannot attend; approved by admin"),
                    new RefundRequested(id(), NOW, ORDER_ID, GA_PRICE, "pi_3QhY2kLkdIwHu7ix0cX1bD2e",
                            "One guest cannot come", List.of(TICKET_1), false))),
            entry(OrderRefunded.class, List.of(new OrderRefunded(id(), NOW, ORDER_ID, CATALOG_EVENT_ID, ANA, TOTAL, false,
                    "Rosalía — Motomami Tour", "es"),
                    new OrderRefunded(id(), NOW, ORDER_ID, CATALOG_EVENT_ID, ANA, TOTAL, false,
                            "Rosalía — Motomami Tour", "es", OrderRefunded.EVENT_CANCELLED))),
            entry(OrderDisputed.class, List.of(new OrderDisputed(id(), NOW, ORDER_ID, CATALOG_EVENT_ID, "needs_response",
                    false, true), new OrderDisputed(id(), NOW, ORDER_ID, CATALOG_EVENT_ID, "won", true, false))),
            entry(InventoryChanged.class, List.of(
                    new InventoryChanged(id(), NOW, CATALOG_EVENT_ID, GA_ID, 400, 12, 350, 38))),

            entry(CheckoutSessionCreated.class, List.of(new CheckoutSessionCreated(id(), NOW, ORDER_ID,
                    "cs_test_a1B2c3D4e5F6", "https://checkout.stripe.com/c/pay/cs_test_a1B2c3D4e5F6",
                    NOW.plus(Duration.ofMinutes(30))))),
            entry(PaymentSucceeded.class, List.of(new PaymentSucceeded(id(), NOW, ORDER_ID, TOTAL,
                    "pi_3QhY2kLkdIwHu7ix0cX1bD2e", "stripe"))),
            entry(PaymentFailed.class, List.of(new PaymentFailed(id(), NOW, ORDER_ID, "card_declined"))),
            entry(RefundFailed.class, List.of(new RefundFailed(id(), NOW, ORDER_ID, "charge_already_refunded"))),
            entry(PaymentDisputed.class, List.of(new PaymentDisputed(id(), NOW, ORDER_ID, "dp_1QhY2kLkdIwHu7ix",
                    TOTAL, "fraudulent", "needs_response", false),
                    new PaymentDisputed(id(), NOW, ORDER_ID, "dp_1QhY2kLkdIwHu7ix", TOTAL, "fraudulent", "won", true))),
            entry(PaymentRefunded.class, List.of(new PaymentRefunded(id(), NOW, ORDER_ID, TOTAL,
                    "re_3QhY2kLkdIwHu7ix0k9Zz1Aa", true),
                    new PaymentRefunded(id(), NOW, ORDER_ID, new Money(100, "EUR"), "re_3QhY2kLkdIwHu7ix0k9Zz1Ab",
                            false, 100L, false))),
            entry(PaymentFlagged.class, List.of(new PaymentFlagged(id(), NOW, ORDER_ID, TOTAL, new Money(11000, "USD"),
                    "CURRENCY_MISMATCH"))),

            entry(TicketsIssued.class, List.of(new TicketsIssued(id(), NOW, ORDER_ID, CATALOG_EVENT_ID,
                    "Rosalía — Motomami Tour", "Sala Apolo", STARTS_AT, ANA, List.of(
                    new IssuedTicket(TICKET_1, "TQ-RM-20260314-7KX9M2QD", GA_ID, "General admission", "Ana García",
                            GA_PRICE, "v1.k2026a.4YbQ1pWcVh7tZ0mN3sR8uE", "ana.garcia@example.com"),
                    new IssuedTicket(TICKET_2, "TQ-RM-20260314-Q3J8W1PZ", VIP_ID, "VIP balcony", "Luis Pérez",
                            VIP_PRICE, "v1.k2026a.9LmX2cQe5Rt8Yh1Wk4Nb7P", "ana.garcia@example.com")),
                    "Carrer Nou de la Rambla 113", "Barcelona", "Europe/Madrid", "es"))),
            entry(TicketsRevoked.class, List.of(new TicketsRevoked(id(), NOW, ORDER_ID, CATALOG_EVENT_ID,
                    List.of(TICKET_1, TICKET_2), "ORDER_REFUNDED"))),
            entry(SigningKeyPublished.class, List.of(
                    new SigningKeyPublished(id(), NOW, "k2026a", "Ed25519",
                            "MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=", "ACTIVE",
                            Instant.parse("2026-01-01T00:00:00Z"), null),
                    new SigningKeyPublished(id(), NOW, "k2025h", "HmacSHA256", null, "RETIRED",
                            Instant.parse("2025-06-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z")))),

            entry(TicketScanned.class, List.of(
                    new TicketScanned(id(), NOW, id(), TICKET_1, CATALOG_EVENT_ID, "North gate", "scanner-07",
                            "ACCEPTED", null, STARTS_AT.minus(Duration.ofMinutes(45)), false),
                    new TicketScanned(id(), NOW, id(), null, CATALOG_EVENT_ID, "North gate", "scanner-07",
                            "REJECTED", "INVALID_SIGNATURE", STARTS_AT.minus(Duration.ofMinutes(44)), true))),
            entry(CheckInUndone.class, List.of(new CheckInUndone(id(), NOW, TICKET_1, CATALOG_EVENT_ID,
                    "door-lead@salaapolo.example", "Scanned the wrong phone"))),

            entry(DeliveryStatusChanged.class, List.of(new DeliveryStatusChanged(id(), NOW, id(), ORDER_ID,
                    "TICKETS", "EMAIL", "SENT", 1, "smtp id <20260115183012.4821@mail.taquilla.example>"))),

            entry(StaffInvited.class, List.of(
                    new StaffInvited(id(), NOW, STAFF_ID, ORGANIZER_ID, "Perreo Productions", "lucia.door@perreoproductions.com",
                            "Lucía Romero", "door", "Marta Vidal", "https://tickets.example/invite/3q2-8Hk0pQzX",
                            NOW.plus(Duration.ofDays(3))),
                    new StaffInvited(id(), NOW, STAFF_ID, null, null, "ops@taquilla.io", "Ops on call",
                            "platform-admin", "bootstrap", "https://tickets.example/invite/Zr7-1mNw", NOW.plus(Duration.ofDays(3))))),
            entry(PasswordResetRequested.class, List.of(new PasswordResetRequested(id(), NOW, STAFF_ID,
                    "lucia.door@perreoproductions.com", "Lucía Romero", "https://tickets.example/reset/Yb5-0pLm",
                    NOW.plus(Duration.ofHours(1))))),
            entry(StaffRoleChanged.class, List.of(
                    new StaffRoleChanged(id(), NOW, STAFF_ID, ORGANIZER_ID, "organizer-staff", STAFF_ID.toString()),
                    new StaffRoleChanged(id(), NOW, STAFF_ID, null, "platform-admin", "taquilla-cli"))),
            entry(StaffRemoved.class, List.of(
                    new StaffRemoved(id(), NOW, STAFF_ID, ORGANIZER_ID, "taquilla-cli"),
                    new StaffRemoved(id(), NOW, STAFF_ID, null, "taquilla-cli"))),
            entry(DeviceRegistered.class, List.of(new DeviceRegistered(id(), NOW, STAFF_ID, DEVICE_ID, ORGANIZER_ID,
                    "North gate iPhone"))),
            entry(DeviceRevoked.class, List.of(new DeviceRevoked(id(), NOW, STAFF_ID, DEVICE_ID, ORGANIZER_ID,
                    "b8a2f0d4-6c1e-4b7a-9f3d-2e5c8a1b4d7f"))));

    private Samples() {
    }

    static List<TaquillaEvent> of(Class<?> type) {
        List<TaquillaEvent> samples = SAMPLES.get(type);
        if (samples == null) {
            throw new AssertionError("No sample for " + type.getName() + ": add one to " + Samples.class.getName());
        }
        return samples;
    }

    private static EventSnapshot snapshot(String status, long version) {
        return new EventSnapshot(CATALOG_EVENT_ID, ORGANIZER_ID, "rosalia-motomami-barcelona-2026", "Rosalía — Motomami Tour",
                "Live in Barcelona. Doors 20:00, no re-entry.",
                new Venue("Sala Apolo", "Carrer Nou de la Rambla 113", "Barcelona", "Europe/Madrid"),
                STARTS_AT, STARTS_AT.minus(Duration.ofHours(1)),
                Instant.parse("2026-01-10T10:00:00Z"), STARTS_AT.minus(Duration.ofHours(2)), 1600, status, version,
                List.of(new TicketTypeSnapshot(GA_ID, "GA", "General admission", GA_PRICE, 1400, 6),
                        new TicketTypeSnapshot(VIP_ID, "VIP", "VIP balcony", VIP_PRICE, 200, 4)));
    }

    private static UUID id() {
        return UUID.randomUUID();
    }
}
