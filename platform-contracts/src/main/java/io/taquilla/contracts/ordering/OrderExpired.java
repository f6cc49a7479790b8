package io.taquilla.contracts.ordering;

import io.taquilla.contracts.common.Customer;

import java.time.Instant;
import java.util.UUID;

/** The hold ran out before payment; the inventory is released and the buyer is told. */
public record OrderExpired(UUID eventId, Instant occurredAt, UUID orderId, UUID catalogEventId, Customer customer)
        implements OrderEvent {
}
