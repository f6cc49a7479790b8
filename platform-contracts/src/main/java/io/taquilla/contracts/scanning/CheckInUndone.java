package io.taquilla.contracts.scanning;

import java.time.Instant;
import java.util.UUID;

/** Door staff reversed a check-in (wrong person let in, mistaken scan); the ticket can be scanned again. */
public record CheckInUndone(
        UUID eventId,
        Instant occurredAt,
        UUID ticketId,
        UUID catalogEventId,
        String undoneBy,
        String reason) implements ScanEvent {
}
