package io.taquilla.catalog.admin;

import io.taquilla.catalog.event.StoredEvent;
import io.taquilla.catalog.event.domain.EventSpec;
import io.taquilla.catalog.event.domain.Venue;
import io.taquilla.catalog.inventory.TicketTypeCounts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What an organizer sees of an event: everything, drafts included, with the sales order-service reported. */
record AdminEventView(UUID id, UUID organizerId, String slug, String name, String description, Venue venue, Instant startsAt,
                      Instant doorsOpenAt, Instant salesStartAt, Instant salesEndAt, int venueCapacity, String status,
                      long version, Instant createdAt, Instant updatedAt, Instant publishedAt, Instant cancelledAt,
                      List<TicketType> ticketTypes) {

    record Price(long amountMinor, String currency) {}

    record TicketType(UUID id, String code, String name, long priceMinor, String currency, Price price, int capacity,
                      int maxPerOrder, int sold, int held) {}

    static AdminEventView of(StoredEvent event, Map<UUID, TicketTypeCounts> counts) {
        EventSpec spec = event.spec();
        List<TicketType> types = spec.ticketTypes().stream().map(type -> {
            UUID id = event.ticketTypeId(type);
            TicketTypeCounts count = counts.get(id);
            return new TicketType(id, type.code(), type.name(), type.priceMinor(), type.currency(),
                    new Price(type.priceMinor(), type.currency()), type.capacity(), type.maxPerOrder(),
                    count == null ? 0 : count.sold(), count == null ? 0 : count.held());
        }).toList();
        return new AdminEventView(event.id(), event.organizerId(), spec.slug(), spec.name(), spec.description(), spec.venue(), spec.startsAt(),
                spec.doorsOpenAt(), spec.salesStartAt(), spec.salesEndAt(), spec.venueCapacity(), event.status().name(),
                event.version(), event.createdAt(), event.updatedAt(), event.publishedAt(), event.cancelledAt(), types);
    }
}
