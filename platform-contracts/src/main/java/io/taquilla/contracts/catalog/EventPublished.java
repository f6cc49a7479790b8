package io.taquilla.contracts.catalog;

import java.time.Instant;
import java.util.UUID;

/** An event became public; ordering starts tracking its inventory from this snapshot. */
public record EventPublished(UUID eventId, Instant occurredAt, EventSnapshot event) implements CatalogEvent {
}
