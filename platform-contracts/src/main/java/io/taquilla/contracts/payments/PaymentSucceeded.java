package io.taquilla.contracts.payments;

import io.taquilla.contracts.common.Money;

import java.time.Instant;
import java.util.UUID;

/**
 * The provider captured the money. {@code amount} is what was actually charged, so order-service
 * can compare it with the order total.
 *
 * @param provider payment provider name, e.g. {@code stripe}
 */
public record PaymentSucceeded(
        UUID eventId,
        Instant occurredAt,
        UUID orderId,
        Money amount,
        String paymentIntentId,
        String provider) implements PaymentEvent {
}
