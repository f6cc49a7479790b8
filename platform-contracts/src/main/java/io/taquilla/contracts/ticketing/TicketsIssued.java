package io.taquilla.contracts.ticketing;

import io.taquilla.contracts.common.Customer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * All tickets of a confirmed order, in one message so the buyer gets one email and scanners learn
 * every ticket at once.
 *
 * <p>Added in place (absent, so null, in messages from earlier producers): {@code venueAddress},
 * {@code venueCity}, {@code venueTimezone} (IANA id: local times print in the venue's zone) and
 * {@code locale} (the buyer's language, {@code en} or {@code es}).
 */
public record TicketsIssued(
        UUID eventId,
        Instant occurredAt,
        UUID orderId,
        UUID catalogEventId,
        String eventName,
        String venueName,
        Instant eventStartsAt,
        Customer customer,
        List<IssuedTicket> tickets,
        String venueAddress,
        String venueCity,
        String venueTimezone,
        String locale) implements TicketEvent {

    /** The shape before the venue's address and zone and the buyer's locale were added. */
    public TicketsIssued(UUID eventId, Instant occurredAt, UUID orderId, UUID catalogEventId, String eventName,
                         String venueName, Instant eventStartsAt, Customer customer, List<IssuedTicket> tickets) {
        this(eventId, occurredAt, orderId, catalogEventId, eventName, venueName, eventStartsAt, customer, tickets, null,
                null, null, null);
    }
}
