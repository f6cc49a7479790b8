package io.taquilla.contracts.ordering;

import io.taquilla.contracts.common.Customer;
import io.taquilla.contracts.common.Money;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Inventory is held and the order awaits payment; payment-service opens a checkout session for
 * {@code total}. Unpaid at {@code holdExpiresAt}, the hold is released.
 *
 * @param locale the buyer's language ({@code en} or {@code es}) for what they are sent; added, so null
 *               in messages from earlier producers (read as {@code en})
 */
public record OrderPlaced(
        UUID eventId,
        Instant occurredAt,
        UUID orderId,
        UUID catalogEventId,
        List<OrderLine> lines,
        Money total,
        Customer customer,
        Instant holdExpiresAt,
        String locale) implements OrderEvent {

    /** The shape before {@code locale} was added. */
    public OrderPlaced(UUID eventId, Instant occurredAt, UUID orderId, UUID catalogEventId, List<OrderLine> lines,
                       Money total, Customer customer, Instant holdExpiresAt) {
        this(eventId, occurredAt, orderId, catalogEventId, lines, total, customer, holdExpiresAt, null);
    }
}
