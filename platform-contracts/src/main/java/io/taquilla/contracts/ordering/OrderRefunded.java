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
 * @param reason    why, when it matters to the buyer: {@code event-cancelled} for the event cancellation
 *                  saga (added field: null from older producers and for ordinary refunds)
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
        String locale,
        String reason) implements OrderEvent {

    /** The reason of refunds made by the event cancellation saga. */
    public static final String EVENT_CANCELLED = "event-cancelled";

    /** The shape before {@code eventName}, {@code locale} and {@code reason} were added. */
    public OrderRefunded(UUID eventId, Instant occurredAt, UUID orderId, UUID catalogEventId, Customer customer,
                         Money amount, boolean automatic) {
        this(eventId, occurredAt, orderId, catalogEventId, customer, amount, automatic, null, null, null);
    }

    /** With the buyer's message details, for an ordinary refund. */
    public OrderRefunded(UUID eventId, Instant occurredAt, UUID orderId, UUID catalogEventId, Customer customer,
                         Money amount, boolean automatic, String eventName, String locale) {
        this(eventId, occurredAt, orderId, catalogEventId, customer, amount, automatic, eventName, locale, null);
    }

    /** With a reason only, as the cancellation saga first wrote it. */
    public OrderRefunded(UUID eventId, Instant occurredAt, UUID orderId, UUID catalogEventId, Customer customer,
                         Money amount, boolean automatic, String reason) {
        this(eventId, occurredAt, orderId, catalogEventId, customer, amount, automatic, null, null, reason);
    }
}
