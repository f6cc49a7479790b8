package io.taquilla.contracts.ordering;

import io.taquilla.contracts.common.Customer;

import java.time.Instant;
import java.util.UUID;

/**
 * The hold ran out before payment; the inventory is released and the buyer is told.
 *
 * @param eventName what the buyer tried to buy, for the message; added, so null from earlier producers
 * @param locale    the buyer's language ({@code en} or {@code es}); added, so null from earlier producers
 */
public record OrderExpired(UUID eventId, Instant occurredAt, UUID orderId, UUID catalogEventId, Customer customer,
                           String eventName, String locale)
        implements OrderEvent {

    /** The shape before {@code eventName} and {@code locale} were added. */
    public OrderExpired(UUID eventId, Instant occurredAt, UUID orderId, UUID catalogEventId, Customer customer) {
        this(eventId, occurredAt, orderId, catalogEventId, customer, null, null);
    }
}
