package io.taquilla.contracts.ordering;

import io.taquilla.contracts.common.Customer;
import io.taquilla.contracts.common.Money;

import java.time.Instant;
import java.util.UUID;

/**
 * The money went back to the buyer and the order is final; ticketing revokes its tickets.
 *
 * @param automatic true when the platform refunded on its own (late payment), false when an admin asked
 * @param eventName what was refunded, for the message; added, so null from earlier producers
 * @param locale    the buyer's language ({@code en} or {@code es}); added, so null from earlier producers
 */
public record OrderRefunded(
        UUID eventId,
        Instant occurredAt,
        UUID orderId,
        UUID catalogEventId,
        Customer customer,
        Money amount,
        boolean automatic,
        String eventName,
        String locale) implements OrderEvent {

    /** The shape before {@code eventName} and {@code locale} were added. */
    public OrderRefunded(UUID eventId, Instant occurredAt, UUID orderId, UUID catalogEventId, Customer customer,
                         Money amount, boolean automatic) {
        this(eventId, occurredAt, orderId, catalogEventId, customer, amount, automatic, null, null);
    }
}
