package io.taquilla.contracts.ordering;

import io.taquilla.contracts.common.Customer;
import io.taquilla.contracts.common.Money;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Paid (or free) and sold: ticketing issues the tickets. Carries the event details ticketing and
 * notifications print, so neither has to look them up.
 *
 * @param paymentIntentId Stripe payment intent; nullable: free orders skip payment
 *
 * <p>Added in place (absent, so null, in messages from earlier producers): {@code venueAddress},
 * {@code venueCity}, {@code venueTimezone} (IANA id: local times print in the venue's zone) and
 * {@code locale} (the buyer's language, {@code en} or {@code es}).
 */
public record OrderConfirmed(
        UUID eventId,
        Instant occurredAt,
        UUID orderId,
        UUID catalogEventId,
        String eventName,
        String venueName,
        Instant eventStartsAt,
        List<OrderLine> lines,
        Money total,
        Customer customer,
        String paymentIntentId,
        String venueAddress,
        String venueCity,
        String venueTimezone,
        String locale) implements OrderEvent {

    /** The shape before the venue's address and zone and the buyer's locale were added. */
    public OrderConfirmed(UUID eventId, Instant occurredAt, UUID orderId, UUID catalogEventId, String eventName,
                          String venueName, Instant eventStartsAt, List<OrderLine> lines, Money total, Customer customer,
                          String paymentIntentId) {
        this(eventId, occurredAt, orderId, catalogEventId, eventName, venueName, eventStartsAt, lines, total, customer,
                paymentIntentId, null, null, null, null);
    }
}
