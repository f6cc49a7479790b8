package io.taquilla.contracts.payments;

import java.time.Instant;
import java.util.UUID;

/**
 * The provider refused a refund for good (e.g. the charge was already refunded or disputed, or the
 * payment intent is unknown): a human must look at it. The order stays as it was.
 */
public record RefundFailed(
        UUID eventId,
        Instant occurredAt,
        UUID orderId,
        String reason) implements PaymentEvent {
}
