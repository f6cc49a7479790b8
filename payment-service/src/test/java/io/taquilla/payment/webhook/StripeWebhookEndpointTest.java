package io.taquilla.payment.webhook;

import static io.taquilla.payment.support.StripeWebhooks.deliver;
import static io.taquilla.payment.support.StripeWebhooks.newEventId;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.taquilla.contracts.payments.CheckoutSessionCreated;
import io.taquilla.contracts.payments.PaymentFailed;
import io.taquilla.contracts.payments.PaymentFlagged;
import io.taquilla.contracts.payments.PaymentRefunded;
import io.taquilla.contracts.payments.PaymentSucceeded;
import io.taquilla.payment.support.Checkouts;
import io.taquilla.payment.support.Orders;
import io.taquilla.payment.support.PaymentTopics;
import io.taquilla.payment.support.StripeWebhooks;
import io.taquilla.payment.support.StripeWebhooks.Answer;
import io.taquilla.testsupport.IntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

@IntegrationTest
class StripeWebhookEndpointTest {

    @LocalServerPort int port;
    @Autowired Jdbi jdbi;

    @Test
    void aValidWebhookIsAcknowledgedAndPublishesPaymentSucceededOnceForBothSuccessEvents() {
        UUID orderId = UUID.randomUUID();
        CheckoutSessionCreated session = Checkouts.open(orderId);
        String completed = newEventId();

        Answer answer = deliver(port, StripeWebhooks.sessionCompleted(completed, orderId, session.sessionId(), "pi_test_1",
                Orders.TOTAL, "eur"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("\"duplicate\":false");

        PaymentSucceeded paid = PaymentTopics.awaitEvent(orderId, PaymentSucceeded.class);
        assertThat(paid.amount().amountMinor()).isEqualTo(Orders.TOTAL);
        assertThat(paid.amount().currency()).isEqualTo("EUR");
        assertThat(paid.paymentIntentId()).isEqualTo("pi_test_1");
        assertThat(paid.provider()).isEqualTo("stripe");

        String intentSucceeded = newEventId();
        assertThat(deliver(port, StripeWebhooks.paymentIntentSucceeded(intentSucceeded, orderId, "pi_test_1", Orders.TOTAL, "eur"))
                .status()).isEqualTo(200);
        assertThat(Checkouts.processed(jdbi, intentSucceeded)).isEqualTo("ignored: payment already succeeded");
        assertThat(Checkouts.processed(jdbi, completed)).isEqualTo("published: PaymentSucceeded");
        assertThat(PaymentTopics.eventsFor(orderId, PaymentSucceeded.class)).hasSize(1);
        assertThat(Checkouts.paymentStatus(jdbi, orderId)).isEqualTo("SUCCEEDED");
    }

    @Test
    void tenConcurrentDeliveriesOfOneEventAreStoredOnceAndPublishOnce() throws Exception {
        UUID orderId = UUID.randomUUID();
        CheckoutSessionCreated session = Checkouts.open(orderId);
        String eventId = newEventId();
        String payload = StripeWebhooks.sessionCompleted(eventId, orderId, session.sessionId(), "pi_test_dup", Orders.TOTAL, "eur");
        String signature = StripeWebhooks.sign(payload);

        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(pool.submit((Callable<Answer>) () -> {
                start.await();
                return deliver(port, payload, signature);
            }));
        }
        start.countDown();
        List<Answer> results = new ArrayList<>();
        for (Future<Answer> answer : answers) {
            results.add(answer.get());
        }
        pool.shutdown();

        assertThat(results).extracting(Answer::status).containsOnly(200);
        assertThat(results).filteredOn(a -> a.body().contains("\"duplicate\":false")).hasSize(1);
        assertThat(results).filteredOn(a -> a.body().contains("\"duplicate\":true")).hasSize(9);
        assertThat(Checkouts.processed(jdbi, eventId)).isEqualTo("published: PaymentSucceeded");
        PaymentTopics.awaitEvent(orderId, PaymentSucceeded.class);
        Integer stored = jdbi.withHandle(h -> h.createQuery("select count(*) from stripe_events where id = :id")
                .bind("id", eventId).mapTo(Integer.class).one());
        assertThat(stored).isEqualTo(1);
        assertThat(PaymentTopics.eventsFor(orderId, PaymentSucceeded.class)).hasSize(1);
        assertThat(prometheus()).contains("taquilla_payments_webhooks_duplicates_total{application=\"payment-service\",type=\"checkout.session.completed\"}");
    }

    @Test
    void aReplayedDeliveryIsADuplicateWhileFreshAndRejectedOnceStale() {
        UUID orderId = UUID.randomUUID();
        CheckoutSessionCreated session = Checkouts.open(orderId);
        String eventId = newEventId();
        String payload = StripeWebhooks.sessionCompleted(eventId, orderId, session.sessionId(), "pi_test_replay", Orders.TOTAL, "eur");
        String signature = StripeWebhooks.sign(payload);
        assertThat(deliver(port, payload, signature).body()).contains("\"duplicate\":false");

        assertThat(deliver(port, payload, signature).body()).contains("\"duplicate\":true");

        // The same body captured with its signature six minutes ago: outside the 300 s tolerance.
        String old = StripeSignature.header(payload, StripeWebhooks.SECRET, Instant.now().getEpochSecond() - 360);
        Answer replay = deliver(port, payload, old);
        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.body()).contains("https://taquilla.io/problems/stripe-signature-timestamp", "older than 300 s");
        assertThat(Checkouts.processed(jdbi, eventId)).isEqualTo("published: PaymentSucceeded");
        PaymentTopics.awaitEvent(orderId, PaymentSucceeded.class);
        assertThat(PaymentTopics.eventsFor(orderId, PaymentSucceeded.class)).hasSize(1);
    }

    @Test
    void aRefundArrivingBeforeTheSuccessNeverMovesThePaymentBack() {
        UUID orderId = UUID.randomUUID();
        CheckoutSessionCreated session = Checkouts.open(orderId);
        String refunded = newEventId();
        assertThat(deliver(port, StripeWebhooks.chargeRefunded(refunded, orderId, "pi_test_ooo", Orders.TOTAL, "eur")).status())
                .isEqualTo(200);
        assertThat(Checkouts.processed(jdbi, refunded)).isEqualTo("published: PaymentRefunded");

        String completed = newEventId();
        deliver(port, StripeWebhooks.sessionCompleted(completed, orderId, session.sessionId(), "pi_test_ooo", Orders.TOTAL, "eur"));
        String failed = newEventId();
        deliver(port, StripeWebhooks.paymentFailed(failed, orderId, "pi_test_ooo"));

        assertThat(Checkouts.processed(jdbi, completed)).isEqualTo("ignored: payment already refunded");
        assertThat(Checkouts.processed(jdbi, failed)).isEqualTo("ignored: payment already refunded");
        assertThat(Checkouts.paymentStatus(jdbi, orderId)).isEqualTo("REFUNDED");
        assertThat(PaymentTopics.awaitEvent(orderId, PaymentRefunded.class).amount().amountMinor()).isEqualTo(Orders.TOTAL);
        assertThat(PaymentTopics.typesFor(orderId)).containsExactly("CheckoutSessionCreated", "PaymentRefunded");
    }

    @Test
    void aDeclinedCardKeepsTheSessionOpenAndOnlyItsExpiryFailsThePayment() {
        UUID orderId = UUID.randomUUID();
        CheckoutSessionCreated session = Checkouts.open(orderId);
        String declined = newEventId();
        deliver(port, StripeWebhooks.paymentFailed(declined, orderId, "pi_test_declined"));
        assertThat(Checkouts.processed(jdbi, declined)).isEqualTo("ignored: declined; the checkout session stays open "
                + "for another try: Your card has insufficient funds. (insufficient_funds)");
        assertThat(Checkouts.paymentStatus(jdbi, orderId)).isEqualTo("OPEN");

        String expired = newEventId();
        deliver(port, StripeWebhooks.sessionExpired(expired, orderId, session.sessionId()));
        PaymentFailed failed = PaymentTopics.awaitEvent(orderId, PaymentFailed.class);
        assertThat(failed.reason()).isEqualTo("checkout session expired");
        assertThat(PaymentTopics.typesFor(orderId)).containsExactly("CheckoutSessionCreated", "PaymentFailed");
    }

    @Test
    void aSuccessAfterADeclineConfirmsNormally() {
        UUID orderId = UUID.randomUUID();
        CheckoutSessionCreated session = Checkouts.open(orderId);
        deliver(port, StripeWebhooks.paymentFailed(newEventId(), orderId, "pi_test_retry"));
        deliver(port, StripeWebhooks.sessionCompleted(newEventId(), orderId, session.sessionId(), "pi_test_retry",
                Orders.TOTAL, "eur"));

        assertThat(PaymentTopics.awaitEvent(orderId, PaymentSucceeded.class).paymentIntentId()).isEqualTo("pi_test_retry");
        assertThat(PaymentTopics.typesFor(orderId)).containsExactly("CheckoutSessionCreated", "PaymentSucceeded");
        assertThat(Checkouts.paymentStatus(jdbi, orderId)).isEqualTo("SUCCEEDED");
    }

    @Test
    void anAmountOrCurrencyThatDiffersFromTheOrderIsFlaggedNotConfirmed() {
        UUID orderId = UUID.randomUUID();
        CheckoutSessionCreated session = Checkouts.open(orderId);
        deliver(port, StripeWebhooks.sessionCompleted(newEventId(), orderId, session.sessionId(), "pi_test_cheap", 100, "eur"));
        PaymentFlagged flagged = PaymentTopics.awaitEvent(orderId, PaymentFlagged.class);
        assertThat(flagged.expected().amountMinor()).isEqualTo(Orders.TOTAL);
        assertThat(flagged.received().amountMinor()).isEqualTo(100);
        assertThat(flagged.reason()).isEqualTo("received 100 EUR but the order is 11000 EUR");

        UUID other = UUID.randomUUID();
        CheckoutSessionCreated otherSession = Checkouts.open(other);
        deliver(port, StripeWebhooks.paymentIntentSucceeded(newEventId(), other, "pi_test_usd", Orders.TOTAL, "usd"));
        assertThat(PaymentTopics.awaitEvent(other, PaymentFlagged.class).received().currency()).isEqualTo("USD");
        assertThat(otherSession.sessionId()).isNotBlank();
        assertThat(PaymentTopics.eventsFor(orderId, PaymentSucceeded.class)).isEmpty();
        assertThat(PaymentTopics.eventsFor(other, PaymentSucceeded.class)).isEmpty();
    }

    @Test
    void aForgedBodyIsRejected() {
        UUID orderId = UUID.randomUUID();
        String genuine = StripeWebhooks.sessionCompleted(newEventId(), orderId, "cs_x", "pi_x", 100, "eur");
        String forged = genuine.replace("\"amount_total\":100", "\"amount_total\":11000");
        Answer answer = deliver(port, forged, StripeWebhooks.sign(genuine));
        assertProblem(answer, "stripe-signature-invalid", "does not match");
    }

    @Test
    void aSignatureMadeWithAnotherSecretIsRejected() {
        String payload = StripeWebhooks.sessionCompleted(newEventId(), UUID.randomUUID(), "cs_x", "pi_x", 100, "eur");
        String signature = StripeSignature.header(payload, "whsec_somebody_else", Instant.now().getEpochSecond());
        assertProblem(deliver(port, payload, signature), "stripe-signature-invalid", "does not match");
        assertThat(prometheus()).contains("taquilla_payments_webhooks_signature_failures_total{application=\"payment-service\",reason=\"mismatch\"}");
    }

    @Test
    void staleAndFutureTimestampsAreRejected() {
        String payload = StripeWebhooks.sessionCompleted(newEventId(), UUID.randomUUID(), "cs_x", "pi_x", 100, "eur");
        long now = Instant.now().getEpochSecond();
        assertProblem(deliver(port, payload, StripeSignature.header(payload, StripeWebhooks.SECRET, now - 301)),
                "stripe-signature-timestamp", "older than 300 s");
        assertProblem(deliver(port, payload, StripeSignature.header(payload, StripeWebhooks.SECRET, now + 120)),
                "stripe-signature-timestamp", "in the future");
        assertThat(deliver(port, payload, StripeSignature.header(payload, StripeWebhooks.SECRET, now + 5)).status())
                .as("a few seconds of clock skew are fine").isEqualTo(200);
    }

    @Test
    void aMissingOrUnreadableSignatureHeaderIsRejected() {
        String payload = StripeWebhooks.sessionCompleted(newEventId(), UUID.randomUUID(), "cs_x", "pi_x", 100, "eur");
        assertProblem(deliver(port, payload, null), "stripe-signature-missing", "header is missing");
        assertProblem(deliver(port, payload, "v1=deadbeef"), "stripe-signature-invalid", "no timestamp");
        assertProblem(deliver(port, payload, "t=" + Instant.now().getEpochSecond() + ",v1=deadbeef"),
                "stripe-signature-invalid", "does not match");
    }

    @Test
    void signedButMalformedBodiesAreRejected() {
        assertProblem(deliver(port, "{\"id\": \"evt_1\", \"type\": "), "stripe-event-malformed", "not valid JSON");
        assertProblem(deliver(port, "[1,2,3]"), "stripe-event-malformed", "not a JSON object");
        assertProblem(deliver(port, "{\"id\":\"x\",\"type\":\"charge.refunded\"}"), "stripe-event-malformed", "not a Stripe event");
        assertProblem(deliver(port, ""), "stripe-event-malformed", "not");
    }

    @Test
    void aLiveModeEventIsRejectedByATestModeEndpoint() {
        JsonObject session = new JsonObject();
        session.addProperty("id", "cs_live_1");
        session.addProperty("object", "checkout.session");
        String payload = StripeWebhooks.envelope(newEventId(), "checkout.session.completed", session, true);
        assertProblem(deliver(port, payload), "stripe-livemode-mismatch", "live-mode event reached a test-mode endpoint");
    }

    @Test
    void anUnknownEventTypeIsStoredAndIgnored() {
        JsonObject customer = new JsonObject();
        customer.addProperty("id", "cus_123");
        customer.addProperty("object", "customer");
        String eventId = newEventId();
        Answer answer = deliver(port, StripeWebhooks.envelope(eventId, "customer.created", customer));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(Checkouts.processed(jdbi, eventId)).isEqualTo("unknown_type: not handled: customer.created");
        String raw = jdbi.withHandle(h -> h.createQuery("select payload from stripe_events where id = :id")
                .bind("id", eventId).mapTo(String.class).one());
        assertThat(raw).contains("cus_123");
    }

    @Test
    void webhookStripeAndCircuitMetricsAreExported() {
        UUID orderId = UUID.randomUUID();
        CheckoutSessionCreated session = Checkouts.open(orderId);
        deliver(port, StripeWebhooks.sessionCompleted(newEventId(), orderId, session.sessionId(), "pi_test_m", Orders.TOTAL, "eur"));
        PaymentTopics.awaitEvent(orderId, PaymentSucceeded.class);
        org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(prometheus()).contains(
                "taquilla_payments_webhook_to_published_seconds_count",
                "taquilla_payments_webhooks_received_total{application=\"payment-service\",outcome=\"accepted\",type=\"checkout.session.completed\"}",
                "taquilla_payments_webhooks_processed_total{application=\"payment-service\",outcome=\"published\",type=\"checkout.session.completed\"}",
                "taquilla_payments_stripe_api_latency_seconds_count{application=\"payment-service\",operation=\"create_checkout_session\",outcome=\"success\"}",
                "resilience4j_circuitbreaker_state{application=\"payment-service\",name=\"stripe\",state=\"closed\"} 1.0",
                "taquilla_payments_stripe_calls_pending"));
    }

    private static void assertProblem(Answer answer, String type, String detail) {
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"type\":\"https://taquilla.io/problems/" + type + "\"").contains(detail)
                .doesNotContain("Exception", "at io.");
    }

    private String prometheus() {
        return RestClient.create("http://localhost:" + port).get().uri("/actuator/prometheus").retrieve().body(String.class);
    }
}
