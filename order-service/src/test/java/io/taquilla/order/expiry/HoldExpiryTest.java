package io.taquilla.order.expiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taquilla.contracts.Topics;
import io.taquilla.contracts.catalog.EventSnapshot;
import io.taquilla.contracts.catalog.TicketTypeSnapshot;
import io.taquilla.contracts.common.Money;
import io.taquilla.contracts.ordering.InventoryChanged;
import io.taquilla.contracts.ordering.OrderConfirmed;
import io.taquilla.contracts.ordering.OrderExpired;
import io.taquilla.contracts.ordering.OrderRefunded;
import io.taquilla.contracts.ordering.OrderRejected;
import io.taquilla.contracts.payments.PaymentRefunded;
import io.taquilla.contracts.payments.PaymentSucceeded;
import io.taquilla.order.support.Events;
import io.taquilla.order.support.Http;
import io.taquilla.order.support.Kafka;
import io.taquilla.order.support.Orders;
import io.taquilla.testsupport.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class HoldExpiryTest {

    @LocalServerPort int port;
    @Autowired Jdbi jdbi;

    @Test
    void anUnpaidHoldIsReleasedWithinSecondsOfItsExpiry() {
        Http http = new Http(port);
        TicketTypeSnapshot ga = Events.type("GA", 1500, 10, 4);
        EventSnapshot event = Events.publish(jdbi, Events.onSale(ga));
        UUID orderId = UUID.fromString(http.placeOrder(event.catalogEventId(), ga.ticketTypeId(), 3).text("orderId"));
        assertThat(Orders.units(jdbi, ga.ticketTypeId(), "HELD")).isEqualTo(3);

        Orders.expireHold(jdbi, orderId);

        Orders.awaitStatus(jdbi, orderId, "EXPIRED");
        assertThat(Orders.units(jdbi, ga.ticketTypeId(), "FREE")).isEqualTo(10);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(Kafka.events(Topics.ORDERING_ORDER, orderId.toString(), OrderExpired.class)).hasSize(1);
            List<InventoryChanged> changes = Kafka.events(Topics.ORDERING_INVENTORY, event.catalogEventId().toString(),
                    InventoryChanged.class);
            assertThat(changes).isNotEmpty();
            InventoryChanged last = changes.get(changes.size() - 1);
            assertThat(last.ticketTypeId()).isEqualTo(ga.ticketTypeId());
            assertThat(last.available()).isEqualTo(10);
            assertThat(last.held()).isZero();
            assertThat(last.capacity()).isEqualTo(10);
        });
        var availability = http.get("/api/events/" + event.catalogEventId() + "/availability").json();
        assertThat(availability.path("ticketTypes").get(0).path("available").asInt()).isEqualTo(10);
    }

    @Test
    void anExpiredHoldNeverBlocksTheNextBuyerEvenBeforeTheSweeperRuns() {
        Http http = new Http(port);
        TicketTypeSnapshot ga = Events.type("GA", 1500, 2, 2);
        EventSnapshot event = Events.publish(jdbi, Events.onSale(ga));
        UUID first = UUID.fromString(http.placeOrder(event.catalogEventId(), ga.ticketTypeId(), 2).text("orderId"));
        assertThat(http.placeOrder(event.catalogEventId(), ga.ticketTypeId(), 1).status()).isEqualTo(409);
        Orders.expireHold(jdbi, first);

        // Hold the expired order's row so the sweeper (which skips locked orders) cannot touch it.
        try (Handle blocker = jdbi.open()) {
            blocker.begin();
            blocker.createQuery("select id from orders where id = :id for update").bind("id", first)
                    .mapTo(UUID.class).one();

            var availability = http.get("/api/events/" + event.catalogEventId() + "/availability").json();
            assertThat(availability.path("ticketTypes").get(0).path("available").asInt()).isEqualTo(2);
            Http.Response second = http.placeOrder(event.catalogEventId(), ga.ticketTypeId(), 2);
            assertThat(second.status()).isEqualTo(201);
            assertThat(Orders.status(jdbi, first)).isEqualTo("AWAITING_PAYMENT");
            blocker.rollback();
        }
        Orders.awaitStatus(jdbi, first, "EXPIRED");
        assertThat(Orders.units(jdbi, ga.ticketTypeId(), "HELD")).isEqualTo(2);
    }

    @Test
    void aPaymentAfterExpiryBuysTheTicketsAgainWhenSomeAreLeft() {
        Http http = new Http(port);
        TicketTypeSnapshot ga = Events.type("GA", 1500, 5, 4);
        EventSnapshot event = Events.publish(jdbi, Events.onSale(ga));
        UUID orderId = UUID.fromString(http.placeOrder(event.catalogEventId(), ga.ticketTypeId(), 2).text("orderId"));
        Orders.expireHold(jdbi, orderId);
        Orders.awaitStatus(jdbi, orderId, "EXPIRED");

        Kafka.publish(Topics.PAYMENTS_PAYMENT, new PaymentSucceeded(UUID.randomUUID(), Instant.now(), orderId,
                new Money(3000, "EUR"), "pi_late_ok", "stripe"));

        Orders.awaitStatus(jdbi, orderId, "CONFIRMED");
        assertThat(Orders.units(jdbi, ga.ticketTypeId(), "SOLD")).isEqualTo(2);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<OrderConfirmed> confirmed = Kafka.events(Topics.ORDERING_ORDER, orderId.toString(), OrderConfirmed.class);
            assertThat(confirmed).hasSize(1);
            assertThat(confirmed.get(0).paymentIntentId()).isEqualTo("pi_late_ok");
        });
    }

    @Test
    void aPaymentAfterExpiryIsRejectedForRefundWhenTheTicketsAreGone() {
        Http http = new Http(port);
        TicketTypeSnapshot ga = Events.type("GA", 1500, 2, 2);
        EventSnapshot event = Events.publish(jdbi, Events.onSale(ga));
        UUID late = UUID.fromString(http.placeOrder(event.catalogEventId(), ga.ticketTypeId(), 2).text("orderId"));
        Orders.expireHold(jdbi, late);
        Orders.awaitStatus(jdbi, late, "EXPIRED");
        assertThat(http.placeOrder(event.catalogEventId(), ga.ticketTypeId(), 2).status()).isEqualTo(201);

        Kafka.publish(Topics.PAYMENTS_PAYMENT, new PaymentSucceeded(UUID.randomUUID(), Instant.now(), late,
                new Money(3000, "EUR"), "pi_late_sold_out", "stripe"));

        Orders.awaitStatus(jdbi, late, "REJECTED");
        assertThat(Orders.units(jdbi, ga.ticketTypeId(), "HELD")).isEqualTo(2);
        assertThat(Orders.units(jdbi, ga.ticketTypeId(), "SOLD")).isZero();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<OrderRejected> rejected = Kafka.events(Topics.ORDERING_ORDER, late.toString(), OrderRejected.class);
            assertThat(rejected).hasSize(1);
            assertThat(rejected.get(0).paymentIntentId()).isEqualTo("pi_late_sold_out");
            assertThat(rejected.get(0).amount()).isEqualTo(new Money(3000, "EUR"));
            assertThat(rejected.get(0).reason()).isEqualTo("sold-out");
            assertThat(rejected.get(0).customer().email()).isEqualTo("buyer@example.com");
        });

        Kafka.publish(Topics.PAYMENTS_PAYMENT, new PaymentRefunded(UUID.randomUUID(), Instant.now(), late,
                new Money(3000, "EUR"), "re_auto", true));
        Orders.awaitStatus(jdbi, late, "REFUNDED");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(Kafka.events(Topics.ORDERING_ORDER, late.toString(), OrderRefunded.class))
                        .singleElement().satisfies(r -> assertThat(r.automatic()).isTrue()));
        assertThat(Orders.units(jdbi, ga.ticketTypeId(), "HELD")).isEqualTo(2);
    }
}
