package io.taquilla.contracts.ordering;

import io.taquilla.contracts.common.Customer;
import io.taquilla.contracts.common.Money;

import java.time.Instant;
import java.util.UUID;

/**
 * Payment arrived after the hold was lost and no tickets were left: the buyer paid for nothing, so
 * payment-service must refund {@code amount} on {@code paymentIntentId} and the buyer is told.
 */
public record OrderRejected(
        UUID eventId,
        Instant occurredAt,
        UUID orderId,
        UUID catalogEventId,
        Customer customer,
        Money amount,
        String paymentIntentId,
        String reason) implements OrderEvent {
}
