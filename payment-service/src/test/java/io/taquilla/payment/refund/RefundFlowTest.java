package io.taquilla.payment.refund;

import static io.taquilla.payment.support.StripeWebhooks.deliver;
import static io.taquilla.payment.support.StripeWebhooks.newEventId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.taquilla.contracts.common.Customer;
import io.taquilla.contracts.common.Money;
import io.taquilla.contracts.ordering.OrderRejected;
import io.taquilla.contracts.ordering.RefundRequested;
import io.taquilla.contracts.payments.CheckoutSessionCreated;
import io.taquilla.contracts.payments.PaymentRefunded;
import io.taquilla.contracts.payments.PaymentSucceeded;
import io.taquilla.contracts.payments.RefundFailed;
import io.taquilla.payment.support.Checkouts;
import io.taquilla.payment.support.FakeStripe;
import io.taquilla.payment.support.Orders;
import io.taquilla.payment.support.PaymentTopics;
import io.taquilla.payment.support.StripeWebhooks;
import io.taquilla.testsupport.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** RefundRequested / OrderRejected in over Kafka, Refund API (WireMock), charge.refunded webhook, PaymentRefunded out. */
@IntegrationTest
class RefundFlowTest {

    @LocalServerPort int port;
    @Autowired Jdbi jdbi;

    @Test
    void anAdminRefundCallsTheRefundApiOnceAndPublishesPaymentRefundedWhenStripeConfirms() {
        UUID orderId = UUID.randomUUID();
        String intent = paidOrder(orderId);

        RefundRequested request = new RefundRequested(UUID.randomUUID(), Instant.now(), orderId, new Money(Orders.TOTAL, "EUR"),
                intent, "event cancelled");
        PaymentTopics.send(request);
        PaymentTopics.send(request);
        PaymentTopics.send(new RefundRequested(UUID.randomUUID(), Instant.now(), orderId, new Money(Orders.TOTAL, "EUR"),
                intent, "asked twice"));

        LoggedRequest call = awaitRefundCall(intent);
        assertThat(call.getHeader("Idempotency-Key")).isEqualTo("taquilla-refund-" + orderId);
        assertThat(FakeStripe.form(call)).containsEntry("payment_intent", intent).containsEntry("amount", "11000")
                .containsEntry("reason", "requested_by_customer").containsEntry("metadata[orderId]", orderId.toString());
        String refundId = await().until(() -> refundRow(orderId).get("stripeRefundId"), id -> id != null).toString();
        assertThat(refundId).startsWith("re_test_");
        assertThat(Checkouts.paymentStatus(jdbi, orderId)).isEqualTo("REFUND_PENDING");
        assertThat(PaymentTopics.eventsFor(orderId, PaymentRefunded.class)).as("only once Stripe confirms").isEmpty();

        // Newer API versions send charge.refunded without our metadata: matched by payment intent.
        deliver(port, StripeWebhooks.chargeRefunded(newEventId(), intent, Orders.TOTAL, "eur"));
        PaymentRefunded refunded = PaymentTopics.awaitEvent(orderId, PaymentRefunded.class);
        assertThat(refunded.refundId()).isEqualTo(refundId);
        assertThat(refunded.amount()).isEqualTo(new Money(Orders.TOTAL, "EUR"));
        assertThat(refunded.automatic()).isFalse();
        assertThat(Checkouts.paymentStatus(jdbi, orderId)).isEqualTo("REFUNDED");
        assertThat(refundRow(orderId)).containsEntry("status", "succeeded");

        PaymentTopics.send(new RefundRequested(UUID.randomUUID(), Instant.now(), orderId, new Money(Orders.TOTAL, "EUR"),
                intent, "once more after the refund"));
        Checkouts.open(UUID.randomUUID());
        assertThat(FakeStripe.requests("/v1/refunds", intent)).hasSize(1);
        assertThat(PaymentTopics.eventsFor(orderId, PaymentRefunded.class)).hasSize(1);
    }

    @Test
    void aPaymentAfterTheHoldWasLostIsRefundedAutomatically() {
        UUID orderId = UUID.randomUUID();
        String intent = paidOrder(orderId);

        PaymentTopics.send(new OrderRejected(UUID.randomUUID(), Instant.now(), orderId, UUID.randomUUID(),
                new Customer("ana@example.com", "Ana", null), new Money(Orders.TOTAL, "EUR"), intent, "sold out"));
        awaitRefundCall(intent);
        await().until(() -> refundRow(orderId).get("stripeRefundId"), id -> id != null);

        String confirmation = newEventId();
        deliver(port, StripeWebhooks.chargeRefunded(confirmation, orderId, intent, Orders.TOTAL, "eur"));
        PaymentRefunded refunded = PaymentTopics.awaitEvent(orderId, PaymentRefunded.class);
        assertThat(refunded.automatic()).isTrue();
        assertThat(Checkouts.processed(jdbi, confirmation)).isEqualTo("published: PaymentRefunded");
        assertThat(PaymentTopics.typesFor(orderId)).containsExactly("CheckoutSessionCreated", "PaymentSucceeded", "PaymentRefunded");
    }

    @Test
    void aPartialDashboardRefundIsPublishedAsPartialAndKeepsThePaymentCaptured() {
        UUID orderId = UUID.randomUUID();
        String intent = paidOrder(orderId);

        String goodwill = newEventId();
        deliver(port, StripeWebhooks.chargePartiallyRefunded(goodwill, orderId, intent, Orders.TOTAL, 100, "eur"));
        PaymentRefunded partial = PaymentTopics.awaitEvent(orderId, PaymentRefunded.class);
        assertThat(partial.amount()).isEqualTo(new Money(100, "EUR"));
        assertThat(partial.amountRefundedMinor()).isEqualTo(100);
        assertThat(partial.fullyRefunded()).isFalse();
        assertThat(Checkouts.paymentStatus(jdbi, orderId)).isEqualTo("SUCCEEDED");

        // The same state told again (another event id) is no news.
        String again = newEventId();
        deliver(port, StripeWebhooks.chargePartiallyRefunded(again, orderId, intent, Orders.TOTAL, 100, "eur"));
        assertThat(Checkouts.processed(jdbi, again)).isEqualTo("ignored: partial refund already recorded");

        // The rest refunded later: a full refund of what was left.
        deliver(port, StripeWebhooks.chargeRefunded(newEventId(), orderId, intent, Orders.TOTAL, "eur"));
        await().atMost(Duration.ofSeconds(20)).until(() -> PaymentTopics.eventsFor(orderId, PaymentRefunded.class).size() == 2);
        PaymentRefunded rest = PaymentTopics.eventsFor(orderId, PaymentRefunded.class).get(1);
        assertThat(rest.amount()).isEqualTo(new Money(Orders.TOTAL - 100, "EUR"));
        assertThat(rest.amountRefundedMinor()).isEqualTo(Orders.TOTAL);
        assertThat(rest.fullyRefunded()).isTrue();
        assertThat(Checkouts.paymentStatus(jdbi, orderId)).isEqualTo("REFUNDED");
    }

    @Test
    void aRefundStripeRefusesIsReportedAsRefundFailed() {
        UUID orderId = UUID.randomUUID();
        String intent = paidOrder(orderId);
        com.github.tomakehurst.wiremock.stubbing.StubMapping refusal = FakeStripe.server().stubFor(
                com.github.tomakehurst.wiremock.client.WireMock.post(
                                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/v1/refunds")).atPriority(1)
                        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(intent))
                        .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(400)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"charge_already_refunded\","
                                        + "\"message\":\"Charge has already been refunded.\"}}")));
        try {
            PaymentTopics.send(new RefundRequested(UUID.randomUUID(), Instant.now(), orderId, new Money(Orders.TOTAL, "EUR"),
                    intent, "event-cancelled"));
            RefundFailed failed = PaymentTopics.awaitEvent(orderId, RefundFailed.class);
            assertThat(failed.reason()).contains("charge_already_refunded");
            assertThat(refundRow(orderId)).containsEntry("status", "rejected");
        } finally {
            FakeStripe.server().removeStub(refusal);
        }
    }

    private String paidOrder(UUID orderId) {
        CheckoutSessionCreated session = Checkouts.open(orderId);
        String intent = "pi_test_" + UUID.randomUUID().toString().replace("-", "");
        deliver(port, StripeWebhooks.sessionCompleted(newEventId(), orderId, session.sessionId(), intent, Orders.TOTAL, "eur"));
        PaymentTopics.awaitEvent(orderId, PaymentSucceeded.class);
        return intent;
    }

    private static LoggedRequest awaitRefundCall(String intent) {
        List<LoggedRequest> calls = await().atMost(Duration.ofSeconds(20))
                .until(() -> FakeStripe.requests("/v1/refunds", intent), list -> !list.isEmpty());
        assertThat(calls).hasSize(1);
        return calls.get(0);
    }

    private Map<String, Object> refundRow(UUID orderId) {
        return jdbi.withHandle(h -> h.configure(org.jdbi.v3.core.mapper.MapMappers.class,
                        mappers -> mappers.setCaseChange(org.jdbi.v3.core.mapper.CaseStrategy.NOP)).createQuery(
                        "select status, stripe_refund_id as \"stripeRefundId\", automatic from refunds where order_id = :id")
                .bind("id", orderId).mapToMap().one());
    }
}
