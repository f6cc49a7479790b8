package io.taquilla.payment.webhook;

import io.taquilla.contracts.common.Money;
import java.util.UUID;

/**
 * What a Stripe event means for a payment, read from its JSON.
 *
 * @param orderId from {@code client_reference_id} / {@code metadata.orderId}; null when the object carries none
 */
public record StripeSignal(Kind kind, UUID orderId, String sessionId, String paymentIntentId, Money money,
                           String refundId, String reason) {

    public enum Kind { PAID, FAILED, REFUNDED, NOT_YET, UNKNOWN }
}
