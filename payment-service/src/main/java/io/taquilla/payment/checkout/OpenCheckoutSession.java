package io.taquilla.payment.checkout;

import io.taquilla.contracts.Topics;
import io.taquilla.contracts.payments.CheckoutSessionCreated;
import io.taquilla.contracts.payments.PaymentFailed;
import io.taquilla.messaging.outbox.Outbox;
import io.taquilla.payment.attempt.PaymentAttempt;
import io.taquilla.payment.attempt.PaymentAttempts;
import io.taquilla.payment.attempt.domain.PaymentDecision;
import io.taquilla.payment.attempt.domain.PaymentLifecycle;
import io.taquilla.payment.attempt.domain.PaymentStatus;
import io.taquilla.payment.call.StripeCall;
import io.taquilla.payment.call.StripeCallHandler;
import io.taquilla.payment.call.StripeCalls;
import io.taquilla.payment.config.PaymentProperties;
import io.taquilla.payment.provider.CheckoutRequest;
import io.taquilla.payment.provider.OpenedCheckout;
import io.taquilla.payment.provider.ResilientStripe;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Creates the Stripe Checkout Session for an order, then records it and publishes
 * {@code CheckoutSessionCreated} in one transaction. A crash between Stripe's answer and that
 * commit repeats the call with the same idempotency key and parameters, and Stripe answers with
 * the same session.
 */
@Component
public class OpenCheckoutSession implements StripeCallHandler {

    private static final Logger log = LoggerFactory.getLogger(OpenCheckoutSession.class);

    private final Jdbi jdbi;
    private final PaymentAttempts attempts;
    private final StripeCalls calls;
    private final Outbox outbox;
    private final ResilientStripe stripe;
    private final PaymentProperties.Checkout settings;

    public OpenCheckoutSession(Jdbi jdbi, PaymentAttempts attempts, StripeCalls calls, Outbox outbox,
                               ResilientStripe stripe, PaymentProperties properties) {
        this.jdbi = jdbi;
        this.attempts = attempts;
        this.calls = calls;
        this.outbox = outbox;
        this.stripe = stripe;
        this.settings = properties.checkout();
    }

    @Override
    public StripeCall.Operation operation() {
        return StripeCall.Operation.CREATE_CHECKOUT_SESSION;
    }

    @Override
    public void perform(StripeCall call) throws Throwable {
        Optional<PaymentAttempt> found = jdbi.withHandle(handle -> attempts.find(handle, call.orderId()));
        if (found.isEmpty() || found.get().status() != PaymentStatus.AWAITING_SESSION) {
            calls.complete(call.id(), StripeCall.Outcome.SKIPPED,
                    found.map(a -> "payment is " + a.status()).orElse("no payment"));
            return;
        }
        PaymentAttempt attempt = found.get();
        OpenedCheckout opened = stripe.openCheckout(new CheckoutRequest(attempt.orderId(), attempt.catalogEventId(),
                attempt.lines(), attempt.amount(), attempt.customerEmail(), attempt.sessionExpiresAt(),
                settings.successUrlFor(attempt.orderId()), settings.cancelUrlFor(attempt.orderId()), call.idempotencyKey()));
        jdbi.useTransaction(handle -> {
            PaymentStatus status = attempts.lock(handle, call.orderId()).orElseThrow().status();
            PaymentDecision decision = PaymentLifecycle.sessionCreated(status);
            attempts.recordSession(handle, call.orderId(), opened.sessionId(), opened.url(), opened.expiresAt());
            attempts.updateStatus(handle, call.orderId(), decision.next());
            if (decision.effect() == PaymentDecision.Effect.PUBLISH_CHECKOUT_SESSION_CREATED) {
                outbox.append(handle, Topics.PAYMENTS_PAYMENT, new CheckoutSessionCreated(UUID.randomUUID(), Instant.now(),
                        call.orderId(), opened.sessionId(), opened.url(), opened.expiresAt()));
            } else if (decision.effect() == PaymentDecision.Effect.EXPIRE_SESSION) {
                calls.enqueue(handle, call.orderId(), StripeCall.Operation.EXPIRE_CHECKOUT_SESSION);
            }
            calls.complete(handle, call.id(), StripeCall.Outcome.DONE, null);
        });
        log.info("checkout session {} open for order {}", opened.sessionId(), call.orderId());
    }

    /** Stripe will not open a checkout for this order (e.g. an unsupported currency): the buyer cannot pay. */
    @Override
    public void rejected(StripeCall call, String error) {
        jdbi.useTransaction(handle -> {
            attempts.lock(handle, call.orderId()).ifPresent(attempt -> {
                PaymentDecision decision = PaymentLifecycle.failed(attempt.status());
                attempts.updateStatus(handle, call.orderId(), decision.next());
                if (decision.effect() == PaymentDecision.Effect.PUBLISH_PAYMENT_FAILED) {
                    outbox.append(handle, Topics.PAYMENTS_PAYMENT, new PaymentFailed(UUID.randomUUID(), Instant.now(),
                            call.orderId(), "checkout could not be opened: " + error));
                }
            });
            calls.complete(handle, call.id(), StripeCall.Outcome.REJECTED, error);
        });
    }
}
