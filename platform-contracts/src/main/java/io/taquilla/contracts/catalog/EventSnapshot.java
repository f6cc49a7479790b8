package io.taquilla.contracts.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Everything other services need to know about a catalog event at one {@code version}; consumers
 * ignore snapshots older than the one they hold.
 *
 * @param organizerId the organizer that owns the event (identity-service's organizer id); null in
 *                    snapshots published before events had owners
 * @param status {@code DRAFT}, {@code PUBLISHED} or {@code CANCELLED}
 * @param version monotonically increasing per catalog event
 */
public record EventSnapshot(
        UUID catalogEventId,
        UUID organizerId,
        String slug,
        String name,
        String description,
        Venue venue,
        Instant startsAt,
        Instant doorsOpenAt,
        Instant salesStartAt,
        Instant salesEndAt,
        int venueCapacity,
        String status,
        long version,
        List<TicketTypeSnapshot> ticketTypes) {
}
