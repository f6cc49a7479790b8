package io.taquilla.payment.checkout;

import io.taquilla.contracts.ordering.OrderPlaced;
import io.taquilla.payment.attempt.PaymentAttempt;
import io.taquilla.payment.attempt.PaymentAttempts;
import io.taquilla.payment.attempt.domain.CheckoutExpiry;
import io.taquilla.payment.attempt.domain.PaymentStatus;
import io.taquilla.payment.call.StripeCall;
import io.taquilla.payment.call.StripeCalls;
import io.taquilla.payment.config.PaymentProperties;
import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code OrderPlaced}: records the payment and queues the session creation, in the inbox's
 * transaction. Stripe is called afterwards by the worker, never inside this transaction.
 */
@Component
public class PlaceCheckout {

    private static final Logger log = LoggerFactory.getLogger(PlaceCheckout.class);

    private final PaymentAttempts attempts;
    private final StripeCalls calls;
    private final PaymentProperties.Checkout settings;

    public PlaceCheckout(PaymentAttempts attempts, StripeCalls calls, PaymentProperties properties) {
        this.attempts = attempts;
        this.calls = calls;
        this.settings = properties.checkout();
    }

    /** Returns true when a Stripe call was queued. */
    public boolean apply(Handle handle, OrderPlaced placed) {
        if (placed.total() == null || placed.total().amountMinor() <= 0) {
            log.debug("order {} is free; nothing to pay", placed.orderId());
            return false;
        }
        Instant expiresAt = CheckoutExpiry.sessionExpiresAt(Instant.now(), placed.holdExpiresAt(), settings.minimumLifetime());
        PaymentAttempt attempt = new PaymentAttempt(placed.orderId(), placed.catalogEventId(), placed.total(),
                placed.customer() == null ? null : placed.customer().email(),
                placed.lines() == null ? java.util.List.of() : placed.lines(), placed.holdExpiresAt(), expiresAt,
                PaymentStatus.AWAITING_SESSION, null, null, null);
        if (!attempts.insert(handle, attempt)) {
            return false;
        }
        return calls.enqueue(handle, placed.orderId(), StripeCall.Operation.CREATE_CHECKOUT_SESSION);
    }
}
