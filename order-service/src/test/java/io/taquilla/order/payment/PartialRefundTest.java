package io.taquilla.order.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taquilla.contracts.Topics;
import io.taquilla.contracts.catalog.EventSnapshot;
import io.taquilla.contracts.catalog.TicketTypeSnapshot;
import io.taquilla.contracts.common.Money;
import io.taquilla.contracts.ordering.OrderRefunded;
import io.taquilla.contracts.ordering.RefundRequested;
import io.taquilla.contracts.payments.PaymentRefunded;
import io.taquilla.contracts.payments.PaymentSucceeded;
import io.taquilla.order.support.Events;
import io.taquilla.order.support.Http;
import io.taquilla.order.support.Kafka;
import io.taquilla.order.support.Orders;
import io.taquilla.testsupport.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A partial refund made at the provider (e.g. 1.00 goodwill from the Stripe Dashboard) keeps the order. */
@IntegrationTest
class PartialRefundTest {

    @LocalServerPort int port;
    @Autowired Jdbi jdbi;

    @Test
    void aGoodwillPartialRefundKeepsTheOrderAndItsTicketsAndALaterFullRefundAsksOnlyForTheRest() {
        Http http = new Http(port);
        TicketTypeSnapshot ga = Events.type("GA", 2000, 10, 4);
        EventSnapshot event = Events.publish(jdbi, Events.onSale(ga));
        UUID orderId = UUID.fromString(http.placeOrder(event.catalogEventId(), ga.ticketTypeId(), 2).text("orderId"));
        Kafka.publish(Topics.PAYMENTS_PAYMENT, new PaymentSucceeded(UUID.randomUUID(), Instant.now(), orderId,
                new Money(4000, "EUR"), "pi_goodwill", "stripe"));
        Orders.awaitStatus(jdbi, orderId, "CONFIRMED");

        Kafka.publish(Topics.PAYMENTS_PAYMENT, new PaymentRefunded(UUID.randomUUID(), Instant.now(), orderId,
                new Money(100, "EUR"), "re_goodwill", false, 100L, false));

        await().atMost(Duration.ofSeconds(20)).until(() -> refundedMinor(http, orderId) == 100);
        assertThat(Orders.status(jdbi, orderId)).isEqualTo("CONFIRMED");
        assertThat(Orders.units(jdbi, ga.ticketTypeId(), "SOLD")).isEqualTo(2);
        assertThat(Kafka.events(Topics.ORDERING_ORDER, orderId.toString(), OrderRefunded.class)).isEmpty();

        Http.Response refund = http.post("/api/admin/orders/" + orderId + "/refund", "{}", "Authorization",
                PaymentFlowTest.ADMIN);
        assertThat(refund.status()).as(refund.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(Kafka.events(Topics.ORDERING_ORDER, orderId.toString(), RefundRequested.class))
                        .singleElement().satisfies(r -> assertThat(r.amount()).isEqualTo(new Money(3900, "EUR"))));
    }

    private long refundedMinor(Http http, UUID orderId) {
        return http.get("/api/admin/orders/" + orderId, "Authorization", PaymentFlowTest.ADMIN).json()
                .path("refundedMinor").asLong();
    }
}
