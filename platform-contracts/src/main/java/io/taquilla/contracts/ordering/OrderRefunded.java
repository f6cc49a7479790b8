package io.taquilla.contracts.ordering;

import io.taquilla.contracts.common.Customer;
import io.taquilla.contracts.common.Money;

import java.time.Instant;
import java.util.UUID;

/**
 * The money went back to the buyer and the order is final; ticketing revokes its tickets.
 *
 * @param automatic true when the platform refunded on its own (late payment), false when an admin asked
 */
public record OrderRefunded(
        UUID eventId,
        Instant occurredAt,
        UUID orderId,
        UUID catalogEventId,
        Customer customer,
        Money amount,
        boolean automatic) implements OrderEvent {
}
