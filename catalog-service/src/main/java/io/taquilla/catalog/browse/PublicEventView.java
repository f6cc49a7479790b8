package io.taquilla.catalog.browse;

import io.taquilla.catalog.event.StoredEvent;
import io.taquilla.catalog.event.domain.EventSpec;
import io.taquilla.catalog.event.domain.EventStatus;
import io.taquilla.catalog.event.domain.Venue;
import io.taquilla.catalog.inventory.TicketTypeCounts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What a buyer sees of one event: details, ticket types with prices, and what is left. */
record PublicEventView(UUID id, String slug, String name, String description, Venue venue, Instant startsAt,
                       Instant doorsOpenAt, Instant salesStartAt, Instant salesEndAt, String status, boolean onSale,
                       long version, List<TicketType> ticketTypes, Availability.Summary availability) {

    record Price(long amountMinor, String currency) {}

    record TicketType(UUID id, String code, String name, Price price, int maxPerOrder, Availability availability) {}

    static PublicEventView of(StoredEvent event, Map<UUID, TicketTypeCounts> counts, Instant now) {
        EventSpec spec = event.spec();
        List<TicketType> types = spec.ticketTypes().stream().map(type -> {
            UUID id = event.ticketTypeId(type);
            return new TicketType(id, type.code(), type.name(), new Price(type.priceMinor(), type.currency()),
                    type.maxPerOrder(), Availability.of(type.capacity(), counts.get(id)));
        }).toList();
        boolean onSale = event.status() == EventStatus.PUBLISHED && !now.isBefore(spec.salesStartAt())
                && now.isBefore(spec.salesEndAt());
        return new PublicEventView(event.id(), spec.slug(), spec.name(), spec.description(), spec.venue(),
                spec.startsAt(), spec.doorsOpenAt(), spec.salesStartAt(), spec.salesEndAt(), event.status().name(), onSale,
                event.version(), types, Availability.Summary.of(types.stream().map(TicketType::availability).toList()));
    }
}
