package io.taquilla.catalog.admin;

import io.taquilla.catalog.event.domain.EventSpec;
import io.taquilla.catalog.event.domain.TicketTypeSpec;
import io.taquilla.catalog.event.domain.Venue;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The body of a create ({@code POST}) or full replacement ({@code PUT}, which also needs the
 * {@code version} last read). Checked by the domain rules, which report every problem at once.
 * {@code organizerId} is for platform admins creating an event on an organizer's behalf; an
 * organizer's own staff leave it out (their token says who they are).
 */
record EventRequest(UUID organizerId, String name, String slug, String description, Venue venue, Instant startsAt, Instant doorsOpenAt,
                    Instant salesStartAt, Instant salesEndAt, Integer venueCapacity, List<TicketTypeSpec> ticketTypes,
                    Long version) {

    EventSpec toSpec() {
        return new EventSpec(name, slug == null || slug.isBlank() ? null : slug, description, venue, startsAt,
                doorsOpenAt, salesStartAt, salesEndAt, venueCapacity, ticketTypes);
    }
}
