package io.taquilla.payment.checkout;

import io.taquilla.payment.attempt.PaymentAttempt;
import io.taquilla.payment.attempt.PaymentAttempts;
import io.taquilla.payment.attempt.domain.PaymentDecision;
import io.taquilla.payment.attempt.domain.PaymentLifecycle;
import io.taquilla.payment.call.StripeCall;
import io.taquilla.payment.call.StripeCalls;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.springframework.stereotype.Component;

/** {@code OrderExpired} / {@code OrderCancelled}: the hold is gone, so the checkout page must close too. */
@Component
public class CloseCheckout {

    private final PaymentAttempts attempts;
    private final StripeCalls calls;

    public CloseCheckout(PaymentAttempts attempts, StripeCalls calls) {
        this.attempts = attempts;
        this.calls = calls;
    }

    /** Returns true when a Stripe call was queued. */
    public boolean apply(Handle handle, UUID orderId) {
        Optional<PaymentAttempt> attempt = attempts.lock(handle, orderId);
        if (attempt.isEmpty()) {
            return false;
        }
        PaymentDecision decision = PaymentLifecycle.orderClosed(attempt.get().status());
        attempts.updateStatus(handle, orderId, decision.next());
        return decision.effect() == PaymentDecision.Effect.EXPIRE_SESSION
                && calls.enqueue(handle, orderId, StripeCall.Operation.EXPIRE_CHECKOUT_SESSION);
    }
}
