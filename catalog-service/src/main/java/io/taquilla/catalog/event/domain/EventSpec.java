package io.taquilla.catalog.event.domain;

import java.time.Instant;
import java.util.List;

/**
 * An event as the organizer asked for it (create or full replacement). {@code slug} may be absent:
 * it is then derived from the name. Fields may be missing or wrong until
 * {@link EventRules#check(EventSpec)} found no violations.
 */
public record EventSpec(String name, String slug, String description, Venue venue, Instant startsAt,
                        Instant doorsOpenAt, Instant salesStartAt, Instant salesEndAt, Integer venueCapacity,
                        List<TicketTypeSpec> ticketTypes) {

    public EventSpec withSlug(String newSlug) {
        return new EventSpec(name, newSlug, description, venue, startsAt, doorsOpenAt, salesStartAt, salesEndAt,
                venueCapacity, ticketTypes);
    }

    /** The one currency of a valid event, or null when it has no ticket types yet. */
    public String currency() {
        return ticketTypes == null || ticketTypes.isEmpty() ? null : ticketTypes.get(0).currency();
    }
}
