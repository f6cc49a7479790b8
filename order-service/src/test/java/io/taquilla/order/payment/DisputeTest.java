package io.taquilla.order.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taquilla.contracts.Topics;
import io.taquilla.contracts.catalog.EventSnapshot;
import io.taquilla.contracts.catalog.TicketTypeSnapshot;
import io.taquilla.contracts.common.Money;
import io.taquilla.contracts.ordering.OrderDisputed;
import io.taquilla.contracts.payments.PaymentDisputed;
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
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** charge.dispute.created flags the order and (default policy) revokes its tickets; a won dispute reinstates nothing. */
@IntegrationTest
class DisputeTest {

    @LocalServerPort int port;
    @Autowired Jdbi jdbi;

    @Test
    void aDisputeFlagsTheOrderRevokesItsTicketsAndAWonDisputeOnlyShowsOnTheOrder() {
        Http http = new Http(port);
        TicketTypeSnapshot ga = Events.type("GA", 2000, 10, 4);
        EventSnapshot event = Events.publish(jdbi, Events.onSale(ga));
        UUID orderId = UUID.fromString(http.placeOrder(event.catalogEventId(), ga.ticketTypeId(), 2).text("orderId"));
        Kafka.publish(Topics.PAYMENTS_PAYMENT, new PaymentSucceeded(UUID.randomUUID(), Instant.now(), orderId,
                new Money(4000, "EUR"), "pi_disputed", "stripe"));
        Orders.awaitStatus(jdbi, orderId, "CONFIRMED");

        Kafka.publish(Topics.PAYMENTS_PAYMENT, new PaymentDisputed(UUID.randomUUID(), Instant.now(), orderId, "dp_1",
                new Money(4000, "EUR"), "fraudulent", "needs_response", false));
        await().atMost(Duration.ofSeconds(20)).until(() -> "needs_response".equals(view(http, orderId).path("disputeStatus").asString()));
        assertThat(view(http, orderId).path("disputeReason").asString()).isEqualTo("fraudulent");
        assertThat(view(http, orderId).path("status").asString()).isEqualTo("CONFIRMED");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(Kafka.events(Topics.ORDERING_ORDER, orderId.toString(), OrderDisputed.class)).singleElement()
                        .satisfies(d -> {
                            assertThat(d.revokeTickets()).isTrue();
                            assertThat(d.closed()).isFalse();
                        }));

        Kafka.publish(Topics.PAYMENTS_PAYMENT, new PaymentDisputed(UUID.randomUUID(), Instant.now(), orderId, "dp_1",
                new Money(4000, "EUR"), "fraudulent", "won", true));
        await().atMost(Duration.ofSeconds(20)).until(() -> "won".equals(view(http, orderId).path("disputeStatus").asString()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<OrderDisputed> disputes = Kafka.events(Topics.ORDERING_ORDER, orderId.toString(), OrderDisputed.class);
            assertThat(disputes).hasSize(2);
            assertThat(disputes.get(1).closed()).isTrue();
            assertThat(disputes.get(1).revokeTickets()).isFalse();
        });
        assertThat(Orders.units(jdbi, ga.ticketTypeId(), "SOLD")).isEqualTo(2);
    }

    private JsonNode view(Http http, UUID orderId) {
        return http.get("/api/admin/orders/" + orderId, "Authorization", PaymentFlowTest.ADMIN).json();
    }
}
