package io.taquilla.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.taquilla.contracts.common.Money;
import io.taquilla.contracts.payments.CheckoutSessionCreated;
import io.taquilla.contracts.payments.PaymentSucceeded;
import io.taquilla.payment.attempt.PaymentAttempt;
import io.taquilla.payment.attempt.PaymentAttempts;
import io.taquilla.payment.attempt.domain.PaymentStatus;
import io.taquilla.payment.call.StripeCall;
import io.taquilla.payment.call.StripeCalls;
import io.taquilla.payment.support.Checkouts;
import io.taquilla.payment.support.FakeStripe;
import io.taquilla.payment.support.Orders;
import io.taquilla.payment.support.PaymentTopics;
import io.taquilla.payment.support.StripeWebhooks;
import io.taquilla.testsupport.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What a crash leaves behind in the tables is picked up again: nothing is lost, nothing doubled. */
@IntegrationTest
class CrashRecoveryTest {

    @Autowired Jdbi jdbi;
    @Autowired PaymentAttempts attempts;
    @Autowired StripeCalls calls;

    @Test
    void aWebhookStoredJustBeforeACrashIsAppliedAfterwards() {
        UUID orderId = UUID.randomUUID();
        CheckoutSessionCreated session = Checkouts.open(orderId);
        String eventId = StripeWebhooks.newEventId();
        String payload = StripeWebhooks.sessionCompleted(eventId, orderId, session.sessionId(), "pi_test_crash", Orders.TOTAL, "eur");
        // What the endpoint had committed when the instance died right after answering 200 (no wake-up follows).
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into stripe_events (id, type, livemode, order_id, payload)
                        values (:id, 'checkout.session.completed', false, :orderId, :payload)
                        """)
                .bind("id", eventId).bind("orderId", orderId).bind("payload", payload).execute());

        assertThat(PaymentTopics.awaitEvent(orderId, PaymentSucceeded.class).paymentIntentId()).isEqualTo("pi_test_crash");
        assertThat(Checkouts.processed(jdbi, eventId)).isEqualTo("published: PaymentSucceeded");
    }

    @Test
    void aStripeCallLeftLeasedByACrashedWorkerIsRetriedWithTheSameIdempotencyKey() {
        UUID orderId = UUID.randomUUID();
        Instant expiresAt = Instant.now().plus(Duration.ofMinutes(45)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        jdbi.useTransaction(h -> {
            attempts.insert(h, new PaymentAttempt(orderId, UUID.randomUUID(), new Money(Orders.TOTAL, "EUR"), "ana@example.com",
                    Orders.placed(orderId).lines(), Instant.now().plusSeconds(900), expiresAt, PaymentStatus.AWAITING_SESSION,
                    null, null, null));
            calls.enqueue(h, orderId, StripeCall.Operation.CREATE_CHECKOUT_SESSION);
            // A worker claimed it and died mid-call; its lease ran out a second ago.
            h.createUpdate("update stripe_calls set attempts = 1, locked_until = clock_timestamp() - interval '1 second' where order_id = :id")
                    .bind("id", orderId).execute();
        });

        CheckoutSessionCreated created = PaymentTopics.awaitEvent(orderId, CheckoutSessionCreated.class);
        assertThat(created.expiresAt()).isEqualTo(expiresAt);
        assertThat(FakeStripe.requests("/v1/checkout/sessions", orderId.toString()))
                .extracting(request -> request.getHeader("Idempotency-Key"))
                .containsExactly("taquilla-checkout-" + orderId);
        Integer tries = jdbi.withHandle(h -> h.createQuery("select attempts from stripe_calls where order_id = :id")
                .bind("id", orderId).mapTo(Integer.class).one());
        assertThat(tries).isEqualTo(2);
    }
}
