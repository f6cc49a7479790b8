package io.taquilla.contracts.ticketing;

import io.taquilla.contracts.common.Customer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * All tickets of a confirmed order, in one message so the buyer gets one email and scanners learn
 * every ticket at once.
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
        List<IssuedTicket> tickets) implements TicketEvent {
}
