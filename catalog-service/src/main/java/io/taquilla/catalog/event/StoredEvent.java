package io.taquilla.catalog.event;

import io.taquilla.catalog.event.domain.EventSpec;
import io.taquilla.catalog.event.domain.EventStatus;
import io.taquilla.catalog.event.domain.TicketTypeSpec;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An event as stored: its (valid) spec, status and version, and the id of each ticket type by
 * code. Ids survive updates as long as the code does.
 */
public record StoredEvent(UUID id, EventSpec spec, EventStatus status, long version,
                          Map<String, UUID> ticketTypeIds, Instant createdAt, Instant updatedAt,
                          Instant publishedAt, Instant cancelledAt) {

    public UUID ticketTypeId(TicketTypeSpec type) {
        return ticketTypeIds.get(type.code());
    }

    public StoredEvent withStatus(EventStatus newStatus, Instant at) {
        return new StoredEvent(id, spec, newStatus, version + 1, ticketTypeIds, createdAt, at,
                newStatus == EventStatus.PUBLISHED ? at : publishedAt,
                newStatus == EventStatus.CANCELLED ? at : cancelledAt);
    }

    public StoredEvent replacedBy(EventSpec newSpec, Map<String, UUID> newIds, Instant at) {
        return new StoredEvent(id, newSpec, status, version + 1, newIds, createdAt, at, publishedAt, cancelledAt);
    }
}
