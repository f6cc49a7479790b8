package io.taquilla.payment.checkout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.taquilla.contracts.common.Customer;
import io.taquilla.contracts.common.Money;
import io.taquilla.contracts.ordering.OrderCancelled;
import io.taquilla.contracts.ordering.OrderExpired;
import io.taquilla.contracts.ordering.OrderPlaced;
import io.taquilla.contracts.payments.CheckoutSessionCreated;
import io.taquilla.contracts.payments.PaymentFailed;
import io.taquilla.payment.support.Checkouts;
import io.taquilla.payment.support.FakeStripe;
import io.taquilla.payment.support.Orders;
import io.taquilla.payment.support.PaymentTopics;
import io.taquilla.testsupport.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Kafka in (OrderPlaced, OrderExpired, OrderCancelled), Stripe API (WireMock) in the middle, Kafka out. */
@IntegrationTest
class CheckoutFlowTest {

    static final String SESSIONS = "/v1/checkout/sessions";

    @Autowired Jdbi jdbi;

    @Test
    void orderPlacedCreatesAStripeCheckoutSessionAndPublishesItsUrl() {
        UUID orderId = UUID.randomUUID();
        OrderPlaced placed = Orders.placed(orderId);
        PaymentTopics.send(placed);

        CheckoutSessionCreated created = PaymentTopics.awaitEvent(orderId, CheckoutSessionCreated.class);
        assertThat(created.sessionId()).startsWith("cs_test_");
        assertThat(created.checkoutUrl()).isEqualTo("https://checkout.stripe.com/c/pay/" + created.sessionId());
        assertThat(created.expiresAt()).isBetween(Instant.now().plus(Duration.ofMinutes(44)), Instant.now().plus(Duration.ofMinutes(46)));

        List<LoggedRequest> requests = FakeStripe.requests(SESSIONS, orderId.toString());
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.get(0);
        assertThat(request.getHeader("Idempotency-Key")).isEqualTo("taquilla-checkout-" + orderId);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer sk_test_taquilla_wiremock");
        Map<String, String> form = FakeStripe.form(request);
        assertThat(form).containsEntry("mode", "payment")
                .containsEntry("currency", "eur")
                .containsEntry("customer_email", "ana@example.com")
                .containsEntry("client_reference_id", orderId.toString())
                .containsEntry("metadata[orderId]", orderId.toString())
                .containsEntry("metadata[catalogEventId]", placed.catalogEventId().toString())
                .containsEntry("payment_intent_data[metadata][orderId]", orderId.toString())
                .containsEntry("line_items[0][quantity]", "2")
                .containsEntry("line_items[0][price_data][unit_amount]", "2500")
                .containsEntry("line_items[0][price_data][currency]", "eur")
                .containsEntry("line_items[0][price_data][product_data][name]", "General admission")
                .containsEntry("line_items[1][quantity]", "1")
                .containsEntry("line_items[1][price_data][unit_amount]", "6000")
                .containsEntry("success_url", "https://shop.test/checkout/success?order=" + orderId + "&session_id={CHECKOUT_SESSION_ID}")
                .containsEntry("cancel_url", "https://shop.test/checkout/cancelled?order=" + orderId)
                .containsEntry("expires_at", String.valueOf(created.expiresAt().getEpochSecond()));
        assertThat(Checkouts.paymentStatus(jdbi, orderId)).isEqualTo("OPEN");
    }

    @Test
    void aRedeliveredOrRepeatedOrderPlacedOpensOneSession() {
        UUID orderId = UUID.randomUUID();
        OrderPlaced placed = Orders.placed(orderId);
        PaymentTopics.send(placed);
        PaymentTopics.send(placed);
        PaymentTopics.send(new OrderPlaced(UUID.randomUUID(), placed.occurredAt(), orderId, placed.catalogEventId(),
                placed.lines(), placed.total(), placed.customer(), placed.holdExpiresAt()));
        PaymentTopics.awaitEvent(orderId, CheckoutSessionCreated.class);
        UUID marker = UUID.randomUUID();
        Checkouts.open(marker); // processed after the three above (same consumer, partition order aside)
        assertThat(FakeStripe.requests(SESSIONS, orderId.toString())).hasSize(1);
        assertThat(PaymentTopics.eventsFor(orderId, CheckoutSessionCreated.class)).hasSize(1);
    }

    @Test
    void aFreeOrderNeedsNoCheckout() {
        UUID orderId = UUID.randomUUID();
        OrderPlaced paid = Orders.placed(orderId);
        PaymentTopics.send(new OrderPlaced(UUID.randomUUID(), Instant.now(), orderId, paid.catalogEventId(), paid.lines(),
                new Money(0, "EUR"), paid.customer(), paid.holdExpiresAt()));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> FakeStripe.requests(SESSIONS, orderId.toString()).isEmpty());
        Integer attempts = jdbi.withHandle(h -> h.createQuery("select count(*) from payment_attempts where order_id = :id")
                .bind("id", orderId).mapTo(Integer.class).one());
        assertThat(attempts).isZero();
    }

    @Test
    void anExpiredOrCancelledOrderExpiresItsSessionAtStripe() {
        UUID expired = UUID.randomUUID();
        UUID cancelled = UUID.randomUUID();
        CheckoutSessionCreated expiredSession = Checkouts.open(expired);
        CheckoutSessionCreated cancelledSession = Checkouts.open(cancelled);
        Customer buyer = new Customer("ana@example.com", "Ana", null);

        PaymentTopics.send(new OrderExpired(UUID.randomUUID(), Instant.now(), expired, UUID.randomUUID(), buyer));
        PaymentTopics.send(new OrderCancelled(UUID.randomUUID(), Instant.now(), cancelled, UUID.randomUUID(), buyer, "buyer"));

        for (CheckoutSessionCreated session : List.of(expiredSession, cancelledSession)) {
            String path = SESSIONS + "/" + session.sessionId() + "/expire";
            List<LoggedRequest> calls = await().atMost(Duration.ofSeconds(20)).until(() -> FakeStripe.requestsTo(path), l -> !l.isEmpty());
            assertThat(calls).hasSize(1);
            assertThat(calls.get(0).getHeader("Idempotency-Key")).isEqualTo("taquilla-expire-" + session.orderId());
            await().untilAsserted(() -> assertThat(Checkouts.paymentStatus(jdbi, session.orderId())).isEqualTo("CANCELLED"));
        }
    }

    @Test
    void aStripeOutageDelaysTheSessionButNeverLosesIt() {
        UUID orderId = UUID.randomUUID();
        StubMapping outage = FakeStripe.server().stubFor(post(urlEqualTo(SESSIONS)).atPriority(1)
                .withRequestBody(containing(orderId.toString()))
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"Stripe is having a bad day\"}}")));
        try {
            PaymentTopics.send(Orders.placed(orderId));
            // Resilience4j tries three times in place, then the call waits in stripe_calls and is tried again.
            await().atMost(Duration.ofSeconds(20)).until(() -> FakeStripe.requests(SESSIONS, orderId.toString()).size() >= 6);
            Map<String, Object> call = jdbi.withHandle(h -> h.createQuery(
                    "select attempts, outcome, last_error from stripe_calls where order_id = :id").bind("id", orderId).mapToMap().one());
            assertThat((Integer) call.get("attempts")).isGreaterThanOrEqualTo(2);
            assertThat(call.get("outcome")).isNull();
            assertThat((String) call.get("last_error")).contains("ApiException (503)", "Stripe is having a bad day");
            assertThat(PaymentTopics.eventsFor(orderId)).isEmpty();
        } finally {
            FakeStripe.server().removeStub(outage);
        }
        CheckoutSessionCreated created = PaymentTopics.awaitEvent(orderId, CheckoutSessionCreated.class);
        assertThat(created.sessionId()).startsWith("cs_test_");
        String outcome = jdbi.withHandle(h -> h.createQuery("select outcome from stripe_calls where order_id = :id")
                .bind("id", orderId).mapTo(String.class).one());
        assertThat(outcome).isEqualTo("done");
    }

    @Test
    void aCheckoutStripeRefusesFailsThePaymentSoTheHoldIsReleased() {
        UUID orderId = UUID.randomUUID();
        StubMapping refusal = FakeStripe.server().stubFor(post(urlEqualTo(SESSIONS)).atPriority(1)
                .withRequestBody(containing(orderId.toString()))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"parameter_invalid\","
                                + "\"message\":\"Invalid currency: eur for this account\",\"param\":\"currency\"}}")));
        try {
            PaymentTopics.send(Orders.placed(orderId));
            PaymentFailed failed = PaymentTopics.awaitEvent(orderId, PaymentFailed.class);
            assertThat(failed.reason()).startsWith("checkout could not be opened: InvalidRequestException (400 parameter_invalid)");
            assertThat(FakeStripe.requests(SESSIONS, orderId.toString())).as("not retried").hasSize(1);
            assertThat(Checkouts.paymentStatus(jdbi, orderId)).isEqualTo("FAILED");
        } finally {
            FakeStripe.server().removeStub(refusal);
        }
    }
}
