package io.taquilla.payment.provider;

import com.stripe.exception.StripeException;

/**
 * The three things payment-service asks of Stripe. Implemented by the real Stripe API and by the
 * built-in simulator; callers go through {@link ResilientStripe}. Every call carries an
 * idempotency key, so repeating it after a lost answer has one effect.
 */
public interface PaymentProvider {

    OpenedCheckout openCheckout(CheckoutRequest request) throws StripeException;

    void expireCheckout(String sessionId, String idempotencyKey) throws StripeException;

    SubmittedRefund refund(RefundOrder request) throws StripeException;
}
