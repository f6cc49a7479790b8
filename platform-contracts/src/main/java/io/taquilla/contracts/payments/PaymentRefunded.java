package io.taquilla.contracts.payments;

import io.taquilla.contracts.common.Money;

import java.time.Instant;
import java.util.UUID;

/**
 * The provider confirmed a refund.
 *
 * @param automatic true for a refund the platform started itself (late payment, see OrderRejected)
 */
public record PaymentRefunded(
        UUID eventId,
        Instant occurredAt,
        UUID orderId,
        Money amount,
        String refundId,
        boolean automatic) implements PaymentEvent {
}
