package io.taquilla.catalog.event;

import io.taquilla.catalog.event.domain.EventSpec;
import io.taquilla.catalog.event.domain.EventStatus;
import io.taquilla.catalog.event.domain.TicketTypeSpec;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An event as stored: the organizer that owns it, its (valid) spec, status and version, and the
 * id of each ticket type by code. Ids survive updates as long as the code does; the owner never
 * changes.
 */
public record StoredEvent(UUID id, UUID organizerId, EventSpec spec, EventStatus status, long version,
                          Map<String, UUID> ticketTypeIds, Instant createdAt, Instant updatedAt,
                          Instant publishedAt, Instant cancelledAt) {

    public UUID ticketTypeId(TicketTypeSpec type) {
        return ticketTypeIds.get(type.code());
    }

    public StoredEvent withStatus(EventStatus newStatus, Instant at) {
        return new StoredEvent(id, organizerId, spec, newStatus, version + 1, ticketTypeIds, createdAt, at,
                newStatus == EventStatus.PUBLISHED ? at : publishedAt,
                newStatus == EventStatus.CANCELLED ? at : cancelledAt);
    }

    public StoredEvent replacedBy(EventSpec newSpec, Map<String, UUID> newIds, Instant at) {
        return new StoredEvent(id, organizerId, newSpec, status, version + 1, newIds, createdAt, at, publishedAt, cancelledAt);
    }
}
