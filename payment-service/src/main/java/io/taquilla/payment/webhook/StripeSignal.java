package io.taquilla.payment.webhook;

import io.taquilla.contracts.common.Money;
import java.util.UUID;

/**
 * What a Stripe event means for a payment, read from its JSON.
 *
 * @param orderId    from {@code client_reference_id} / {@code metadata.orderId}; null when the object carries none
 * @param fullRefund for REFUNDED: the charge's {@code refunded} flag (true only once refunded in full); null if absent
 */
public record StripeSignal(Kind kind, UUID orderId, String sessionId, String paymentIntentId, Money money,
                           String refundId, String reason, Boolean fullRefund) {

    public StripeSignal(Kind kind, UUID orderId, String sessionId, String paymentIntentId, Money money,
                        String refundId, String reason) {
        this(kind, orderId, sessionId, paymentIntentId, money, refundId, reason, null);
    }

    /**
     * DECLINED is one failed attempt on a Checkout Session that stays open (the buyer may try
     * another card); FAILED ends the payment (session expired, asynchronous payment failed).
     */
    public enum Kind { PAID, FAILED, DECLINED, REFUNDED, DISPUTE_OPENED, DISPUTE_CLOSED, NOT_YET, UNKNOWN }
}
