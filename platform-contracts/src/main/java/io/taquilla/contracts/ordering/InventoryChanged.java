package io.taquilla.contracts.ordering;

import java.time.Instant;
import java.util.UUID;

/**
 * Current counts for one ticket type, absolute rather than deltas so a consumer that missed or
 * re-read a message still shows the right availability.
 *
 * @param available capacity - held - sold
 */
public record InventoryChanged(
        UUID eventId,
        Instant occurredAt,
        UUID catalogEventId,
        UUID ticketTypeId,
        int capacity,
        int held,
        int sold,
        int available) implements InventoryEvent {
}
