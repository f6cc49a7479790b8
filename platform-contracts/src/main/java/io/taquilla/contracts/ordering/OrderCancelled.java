package io.taquilla.contracts.ordering;

import io.taquilla.contracts.common.Customer;

import java.time.Instant;
import java.util.UUID;

/** An unpaid order was abandoned (buyer, admin or failed payment); its hold is released. */
public record OrderCancelled(
        UUID eventId,
        Instant occurredAt,
        UUID orderId,
        UUID catalogEventId,
        Customer customer,
        String reason) implements OrderEvent {
}
