package io.taquilla.order.cancellation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taquilla.contracts.Topics;
import io.taquilla.contracts.catalog.EventCancelled;
import io.taquilla.contracts.catalog.EventSnapshot;
import io.taquilla.contracts.catalog.TicketTypeSnapshot;
import io.taquilla.contracts.common.Money;
import io.taquilla.contracts.ordering.OrderCancelled;
import io.taquilla.contracts.ordering.OrderRefunded;
import io.taquilla.contracts.ordering.RefundRequested;
import io.taquilla.contracts.payments.PaymentRefunded;
import io.taquilla.contracts.payments.PaymentSucceeded;
import io.taquilla.contracts.payments.RefundFailed;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Cancelling an event: paid orders are refunded (once, however often EventCancelled arrives),
 * unpaid holds are released, and the admin API reports progress and failures until every refund
 * is confirmed.
 */
@IntegrationTest
class EventCancellationSagaTest {

    static final String ADMIN = TestTokens.bearer(TestTokens.organizerAdmin(Events.ORGANIZER));

    @LocalServerPort int port;
    @Autowired Jdbi jdbi;

    @Test
    void cancellingAnEventRefundsEveryPaidOrderReleasesHoldsAndReportsUntilEveryRefundIsConfirmed() {
        Http http = new Http(port);
        TicketTypeSnapshot ga = Events.type("GA", 2000, 10, 4);
        EventSnapshot event = Events.publish(jdbi, Events.onSale(ga));
        UUID first = paidOrder(http, event, ga, 2, "pi_cancel_1");
        UUID second = paidOrder(http, event, ga, 1, "pi_cancel_2");
        UUID unpaid = UUID.fromString(http.placeOrder(event.catalogEventId(), ga.ticketTypeId(), 3).text("orderId"));
        assertThat(http.get("/api/admin/events/" + event.catalogEventId() + "/cancellation", "Authorization", ADMIN)
                .status()).isEqualTo(404);

        // Delivered twice (a redelivery, or the admin cancelling twice): one saga, one refund per order.
        EventSnapshot cancelled = Events.with(event, "CANCELLED", event.salesStartAt(), event.salesEndAt(), event.ticketTypes());
        Kafka.publish(Topics.CATALOG_EVENT, new EventCancelled(UUID.randomUUID(), Instant.now(), cancelled));
        Kafka.publish(Topics.CATALOG_EVENT, new EventCancelled(UUID.randomUUID(), Instant.now(), cancelled));

        Orders.awaitStatus(jdbi, first, "REFUND_REQUESTED");
        Orders.awaitStatus(jdbi, second, "REFUND_REQUESTED");
        Orders.awaitStatus(jdbi, unpaid, "CANCELLED");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(Kafka.events(Topics.ORDERING_ORDER, first.toString(), RefundRequested.class)).singleElement()
                    .satisfies(r -> {
                        assertThat(r.amount()).isEqualTo(new Money(4000, "EUR"));
                        assertThat(r.reason()).isEqualTo("event-cancelled");
                    });
            assertThat(Kafka.events(Topics.ORDERING_ORDER, second.toString(), RefundRequested.class)).hasSize(1);
            assertThat(Kafka.events(Topics.ORDERING_ORDER, unpaid.toString(), OrderCancelled.class)).singleElement()
                    .satisfies(c -> assertThat(c.reason()).isEqualTo("event-cancelled"));
        });
        JsonNode started = report(http, event);
        assertThat(started.path("ordersToRefund").asInt()).isEqualTo(2);
        assertThat(started.path("refundRequested").asInt()).isEqualTo(2);
        assertThat(started.path("refunded").asInt()).isZero();
        assertThat(started.path("holdsReleased").asInt()).isEqualTo(1);
        assertThat(started.path("complete").asBoolean()).isFalse();
        assertThat(Orders.units(jdbi, ga.ticketTypeId(), "HELD")).isZero();

        Kafka.publish(Topics.PAYMENTS_PAYMENT, new PaymentRefunded(UUID.randomUUID(), Instant.now(), first,
                new Money(4000, "EUR"), "re_cancel_1", false));
        Kafka.publish(Topics.PAYMENTS_PAYMENT, new RefundFailed(UUID.randomUUID(), Instant.now(), second,
                "charge_disputed"));
        Orders.awaitStatus(jdbi, first, "REFUNDED");
        await().atMost(Duration.ofSeconds(20)).until(() -> report(http, event).path("failed").asInt() == 1);
        JsonNode partway = report(http, event);
        assertThat(partway.path("refunded").asInt()).isEqualTo(1);
        assertThat(partway.path("refundRequested").asInt()).isZero();
        assertThat(partway.path("failures").get(0).path("orderId").asString()).isEqualTo(second.toString());
        assertThat(partway.path("failures").get(0).path("reason").asString()).isEqualTo("charge_disputed");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(Kafka.events(Topics.ORDERING_ORDER, first.toString(), OrderRefunded.class)).singleElement()
                        .satisfies(r -> assertThat(r.reason()).isEqualTo(OrderRefunded.EVENT_CANCELLED)));

        // Someone settles the failed refund (e.g. retried at Stripe): the saga completes.
        Kafka.publish(Topics.PAYMENTS_PAYMENT, new PaymentRefunded(UUID.randomUUID(), Instant.now(), second,
                new Money(2000, "EUR"), "re_cancel_2", false));
        await().atMost(Duration.ofSeconds(20)).until(() -> report(http, event).path("complete").asBoolean());
        JsonNode done = report(http, event);
        assertThat(done.path("refunded").asInt()).isEqualTo(2);
        assertThat(done.path("failed").asInt()).isZero();
        assertThat(done.path("failures")).isEmpty();
        assertThat(Orders.units(jdbi, ga.ticketTypeId(), "FREE")).isEqualTo(10);
    }

    @Test
    void theProgressOfAnEventThatWasNotCancelledIsA404Problem() {
        Http http = new Http(port);
        Http.Response missing = http.get("/api/admin/events/" + UUID.randomUUID() + "/cancellation", "Authorization", ADMIN);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.isProblem()).isTrue();
        assertThat(http.get("/api/admin/events/not-a-uuid/cancellation", "Authorization", ADMIN).status()).isEqualTo(400);
        assertThat(http.get("/api/admin/events/" + UUID.randomUUID() + "/cancellation").status()).isEqualTo(401);
    }

    private UUID paidOrder(Http http, EventSnapshot event, TicketTypeSnapshot ga, int quantity, String intent) {
        UUID orderId = UUID.fromString(http.placeOrder(event.catalogEventId(), ga.ticketTypeId(), quantity).text("orderId"));
        Kafka.publish(Topics.PAYMENTS_PAYMENT, new PaymentSucceeded(UUID.randomUUID(), Instant.now(), orderId,
                new Money(2000L * quantity, "EUR"), intent, "stripe"));
        Orders.awaitStatus(jdbi, orderId, "CONFIRMED");
        return orderId;
    }

    private JsonNode report(Http http, EventSnapshot event) {
        Http.Response response = http.get("/api/admin/events/" + event.catalogEventId() + "/cancellation",
                "Authorization", ADMIN);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
