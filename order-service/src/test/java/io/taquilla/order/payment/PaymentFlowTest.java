package io.taquilla.order.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taquilla.contracts.Topics;
import io.taquilla.contracts.catalog.EventSnapshot;
import io.taquilla.contracts.catalog.TicketTypeSnapshot;
import io.taquilla.contracts.common.Money;
import io.taquilla.contracts.ordering.OrderCancelled;
import io.taquilla.contracts.ordering.OrderConfirmed;
import io.taquilla.contracts.ordering.OrderRefunded;
import io.taquilla.contracts.ordering.OrderRejected;
import io.taquilla.contracts.ordering.RefundRequested;
import io.taquilla.contracts.payments.PaymentFailed;
import io.taquilla.contracts.payments.PaymentRefunded;
import io.taquilla.contracts.payments.PaymentSucceeded;
import io.taquilla.order.support.Events;
import io.taquilla.order.support.Http;
import io.taquilla.order.support.Kafka;
import io.taquilla.order.support.Orders;
import io.taquilla.testsupport.IntegrationTest;
import io.taquilla.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class PaymentFlowTest {

    static final String ADMIN = TestTokens.bearer(TestTokens.organizerAdmin(io.taquilla.order.support.Events.ORGANIZER));
    static final String DOOR = TestTokens.bearer(TestTokens.door(io.taquilla.order.support.Events.ORGANIZER, "door-1"));

    @LocalServerPort int port;
    @Autowired Jdbi jdbi;

    Http http;
    TicketTypeSnapshot ga;
    EventSnapshot event;

    @BeforeEach
    void publishEvent() {
        http = new Http(port);
        ga = Events.type("GA", 2000, 10, 4);
        event = Events.publish(jdbi, Events.onSale(ga));
    }

    private UUID place(int quantity) {
        return UUID.fromString(http.placeOrder(event.catalogEventId(), ga.ticketTypeId(), quantity).text("orderId"));
    }

    private void pay(UUID orderId, long amount, String intent) {
        Kafka.publish(Topics.PAYMENTS_PAYMENT, new PaymentSucceeded(UUID.randomUUID(), Instant.now(), orderId,
                new Money(amount, "EUR"), intent, "stripe"));
    }

    @Test
    void aPaymentConfirmsTheOrderAndAsksForTickets() {
        Http.Response placed = http.placeOrder(event.catalogEventId(), ga.ticketTypeId(), 2);
        UUID orderId = UUID.fromString(placed.text("orderId"));
        String token = placed.text("accessToken");
        PaymentSucceeded payment = new PaymentSucceeded(UUID.randomUUID(), Instant.now(), orderId,
                new Money(4000, "EUR"), "pi_ok", "stripe");

        Kafka.publish(Topics.PAYMENTS_PAYMENT, payment);
        Kafka.publish(Topics.PAYMENTS_PAYMENT, payment); // redelivered: applied once

        Orders.awaitStatus(jdbi, orderId, "CONFIRMED");
        assertThat(Orders.units(jdbi, ga.ticketTypeId(), "SOLD")).isEqualTo(2);
        assertThat(Orders.units(jdbi, ga.ticketTypeId(), "HELD")).isZero();
        var view = http.get("/api/orders/" + orderId, "X-Order-Token", token);
        assertThat(view.text("status")).isEqualTo("CONFIRMED");
        assertThat(view.text("ticketsUrl")).isEqualTo(
                "http://localhost:8080/api/tickets/orders/" + orderId + "?token=" + token);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<OrderConfirmed> confirmed = Kafka.events(Topics.ORDERING_ORDER, orderId.toString(), OrderConfirmed.class);
            assertThat(confirmed).hasSize(1);
            OrderConfirmed c = confirmed.get(0);
            assertThat(c.eventName()).isEqualTo("Noche de Prueba");
            assertThat(c.venueName()).isEqualTo("Sala Apolo");
            assertThat(c.eventStartsAt()).isEqualTo(event.startsAt());
            assertThat(c.lines()).singleElement().satisfies(l -> {
                assertThat(l.quantity()).isEqualTo(2);
                assertThat(l.unitPrice()).isEqualTo(new Money(2000, "EUR"));
            });
            assertThat(c.paymentIntentId()).isEqualTo("pi_ok");
            assertThat(c.customer().phone()).isEqualTo("+34600123456");
        });
        String metrics = http.get("/actuator/prometheus").body();
        assertThat(metrics).contains("taquilla_orders_placed_total", "taquilla_orders_confirmed_total",
                "taquilla_orders_active_holds", "taquilla_inventory_available");
    }

    @Test
    void aFailedPaymentReleasesTheHold() {
        UUID orderId = place(3);
        Kafka.publish(Topics.PAYMENTS_PAYMENT, new PaymentFailed(UUID.randomUUID(), Instant.now(), orderId, "card_declined"));

        Orders.awaitStatus(jdbi, orderId, "CANCELLED");
        assertThat(Orders.units(jdbi, ga.ticketTypeId(), "FREE")).isEqualTo(10);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(Kafka.events(Topics.ORDERING_ORDER, orderId.toString(), OrderCancelled.class))
                        .singleElement().satisfies(c -> assertThat(c.reason()).contains("card_declined")));
    }

    @Test
    void aPaymentThatDoesNotCoverTheOrderIsRejectedForRefund() {
        UUID orderId = place(1);
        pay(orderId, 100, "pi_short");
        Orders.awaitStatus(jdbi, orderId, "REJECTED");
        assertThat(Orders.units(jdbi, ga.ticketTypeId(), "FREE")).isEqualTo(10);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(Kafka.events(Topics.ORDERING_ORDER, orderId.toString(), OrderRejected.class))
                        .singleElement().satisfies(r -> assertThat(r.reason()).isEqualTo("amount-mismatch")));
    }

    @Test
    void anAdminRefundGoesThroughThePaymentProviderAndPutsTheTicketsBackOnSale() {
        UUID orderId = place(2);
        pay(orderId, 4000, "pi_refund_me");
        Orders.awaitStatus(jdbi, orderId, "CONFIRMED");

        Http.Response refund = http.post("/api/admin/orders/" + orderId + "/refund", "{\"reason\":\"show moved\"}",
                "Authorization", ADMIN);

        assertThat(refund.status()).as(refund.body()).isEqualTo(200);
        assertThat(refund.text("status")).isEqualTo("REFUND_REQUESTED");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(Kafka.events(Topics.ORDERING_ORDER, orderId.toString(), RefundRequested.class))
                        .singleElement().satisfies(r -> {
                            assertThat(r.paymentIntentId()).isEqualTo("pi_refund_me");
                            assertThat(r.amount()).isEqualTo(new Money(4000, "EUR"));
                        }));
        assertThat(Orders.units(jdbi, ga.ticketTypeId(), "SOLD")).isEqualTo(2);

        Kafka.publish(Topics.PAYMENTS_PAYMENT, new PaymentRefunded(UUID.randomUUID(), Instant.now(), orderId,
                new Money(4000, "EUR"), "re_1", false));

        Orders.awaitStatus(jdbi, orderId, "REFUNDED");
        assertThat(Orders.units(jdbi, ga.ticketTypeId(), "FREE")).isEqualTo(10);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(Kafka.events(Topics.ORDERING_ORDER, orderId.toString(), OrderRefunded.class))
                        .singleElement().satisfies(r -> assertThat(r.automatic()).isFalse()));
        Http.Response again = http.post("/api/admin/orders/" + orderId + "/refund", "{}", "Authorization", ADMIN);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();
    }

    @Test
    void adminsCancelUnpaidOrdersOnlyAndNeedTheAdminRole() {
        UUID unpaid = place(1);
        String cancelPath = "/api/admin/orders/" + unpaid + "/cancel";

        assertThat(http.post(cancelPath, "{}").status()).isEqualTo(401);
        assertThat(http.post(cancelPath, "{}", "Authorization", DOOR).status()).isEqualTo(403);
        assertThat(http.get("/api/admin/orders/" + unpaid).status()).isEqualTo(401);

        Http.Response view = http.get("/api/admin/orders/" + unpaid, "Authorization", ADMIN);
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.text("customerEmail")).isEqualTo("buyer@example.com");

        Http.Response cancelled = http.post(cancelPath, "{\"reason\":\"duplicate\"}", "Authorization", ADMIN);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        assertThat(Orders.units(jdbi, ga.ticketTypeId(), "FREE")).isEqualTo(10);

        UUID paid = place(1);
        pay(paid, 2000, "pi_keep");
        Orders.awaitStatus(jdbi, paid, "CONFIRMED");
        Http.Response refused = http.post("/api/admin/orders/" + paid + "/cancel", "{}", "Authorization", ADMIN);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.isProblem()).isTrue();
        assertThat(http.post("/api/admin/orders/" + UUID.randomUUID() + "/cancel", "{}", "Authorization", ADMIN).status())
                .isEqualTo(404);
        assertThat(http.get("/api/admin/orders/not-a-uuid", "Authorization", ADMIN).status()).isEqualTo(400);
    }
}
