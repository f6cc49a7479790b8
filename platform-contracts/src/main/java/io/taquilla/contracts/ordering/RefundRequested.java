package io.taquilla.contracts.ordering;

import io.taquilla.contracts.common.Money;

import java.time.Instant;
import java.util.UUID;

/** An admin asked to refund a paid order; payment-service refunds it through the provider. */
public record RefundRequested(
        UUID eventId,
        Instant occurredAt,
        UUID orderId,
        Money amount,
        String paymentIntentId,
        String reason) implements OrderEvent {
}
