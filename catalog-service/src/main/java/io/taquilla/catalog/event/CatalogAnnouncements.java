package io.taquilla.catalog.event;

import io.taquilla.catalog.event.domain.EventSpec;
import io.taquilla.catalog.event.domain.TicketTypeSpec;
import io.taquilla.contracts.Topics;
import io.taquilla.contracts.catalog.EventCancelled;
import io.taquilla.contracts.catalog.EventPublished;
import io.taquilla.contracts.catalog.EventSnapshot;
import io.taquilla.contracts.catalog.EventUpdated;
import io.taquilla.contracts.catalog.TicketTypeSnapshot;
import io.taquilla.contracts.catalog.Venue;
import io.taquilla.contracts.common.Money;
import io.taquilla.messaging.outbox.Outbox;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.springframework.stereotype.Component;

/** Writes the full snapshot of an event to the outbox, on the transaction of the change itself. */
@Component
class CatalogAnnouncements {

    private final Outbox outbox;

    CatalogAnnouncements(Outbox outbox) {
        this.outbox = outbox;
    }

    void published(Handle handle, StoredEvent event, Instant at) {
        outbox.append(handle, Topics.CATALOG_EVENT, new EventPublished(UUID.randomUUID(), at, snapshot(event)));
    }

    void updated(Handle handle, StoredEvent event, Instant at) {
        outbox.append(handle, Topics.CATALOG_EVENT, new EventUpdated(UUID.randomUUID(), at, snapshot(event)));
    }

    void cancelled(Handle handle, StoredEvent event, Instant at) {
        outbox.append(handle, Topics.CATALOG_EVENT, new EventCancelled(UUID.randomUUID(), at, snapshot(event)));
    }

    static EventSnapshot snapshot(StoredEvent event) {
        EventSpec spec = event.spec();
        return new EventSnapshot(event.id(), event.organizerId(), spec.slug(), spec.name(), spec.description() == null ? "" : spec.description(),
                new Venue(spec.venue().name(), spec.venue().address(), spec.venue().city(), spec.venue().timezone()),
                spec.startsAt(), spec.doorsOpenAt(), spec.salesStartAt(), spec.salesEndAt(), spec.venueCapacity(),
                event.status().name(), event.version(),
                spec.ticketTypes().stream().map(type -> ticketType(event, type)).toList());
    }

    private static TicketTypeSnapshot ticketType(StoredEvent event, TicketTypeSpec type) {
        return new TicketTypeSnapshot(event.ticketTypeId(type), type.code(), type.name(),
                new Money(type.priceMinor(), type.currency()), type.capacity(), type.maxPerOrder());
    }
}
