package io.taquilla.payment.checkout;

import io.taquilla.payment.attempt.PaymentAttempts;
import io.taquilla.payment.call.StripeCall;
import io.taquilla.payment.call.StripeCallHandler;
import io.taquilla.payment.call.StripeCalls;
import io.taquilla.payment.provider.ResilientStripe;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

/**
 * Expires the checkout session of an order whose hold is gone, so the buyer cannot pay for
 * released tickets. Stripe then sends {@code checkout.session.expired}, which changes nothing here.
 */
@Component
public class ExpireCheckoutSession implements StripeCallHandler {

    private final Jdbi jdbi;
    private final PaymentAttempts attempts;
    private final StripeCalls calls;
    private final ResilientStripe stripe;

    public ExpireCheckoutSession(Jdbi jdbi, PaymentAttempts attempts, StripeCalls calls, ResilientStripe stripe) {
        this.jdbi = jdbi;
        this.attempts = attempts;
        this.calls = calls;
        this.stripe = stripe;
    }

    @Override
    public StripeCall.Operation operation() {
        return StripeCall.Operation.EXPIRE_CHECKOUT_SESSION;
    }

    @Override
    public void perform(StripeCall call) throws Throwable {
        Optional<String> session = jdbi.withHandle(handle -> attempts.find(handle, call.orderId()))
                .map(attempt -> attempt.sessionId());
        if (session.isEmpty()) {
            calls.complete(call.id(), StripeCall.Outcome.SKIPPED, "no session");
            return;
        }
        stripe.expireCheckout(session.get(), call.idempotencyKey());
        calls.complete(call.id(), StripeCall.Outcome.DONE, null);
    }

    /** Stripe refuses to expire a session that is already complete or expired: nothing left to do. */
    @Override
    public void rejected(StripeCall call, String error) {
        calls.complete(call.id(), StripeCall.Outcome.REJECTED, error);
    }
}
