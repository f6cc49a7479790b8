package io.taquilla.contracts.ticketing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** These tickets no longer admit anyone (order refunded); scanners reject them. */
public record TicketsRevoked(
        UUID eventId,
        Instant occurredAt,
        UUID orderId,
        UUID catalogEventId,
        List<UUID> ticketIds,
        String reason) implements TicketEvent {
}
