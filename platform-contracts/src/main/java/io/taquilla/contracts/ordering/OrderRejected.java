package io.taquilla.contracts.ordering;

import io.taquilla.contracts.common.Customer;
import io.taquilla.contracts.common.Money;

import java.time.Instant;
import java.util.UUID;

/**
 * Payment arrived after the hold was lost and no tickets were left: the buyer paid for nothing, so
 * payment-service must refund {@code amount} on {@code paymentIntentId} and the buyer is told.
 *
 * @param eventName what the buyer paid for, for the message; added, so null from earlier producers
 * @param locale    the buyer's language ({@code en} or {@code es}); added, so null from earlier producers
 */
public record OrderRejected(
        UUID eventId,
        Instant occurredAt,
        UUID orderId,
        UUID catalogEventId,
        Customer customer,
        Money amount,
        String paymentIntentId,
        String reason,
        String eventName,
        String locale) implements OrderEvent {

    /** The shape before {@code eventName} and {@code locale} were added. */
    public OrderRejected(UUID eventId, Instant occurredAt, UUID orderId, UUID catalogEventId, Customer customer,
                         Money amount, String paymentIntentId, String reason) {
        this(eventId, occurredAt, orderId, catalogEventId, customer, amount, paymentIntentId, reason, null, null);
    }
}
