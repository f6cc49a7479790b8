package io.taquilla.contracts.catalog;

import java.time.Instant;
import java.util.UUID;

/** A published event changed (times, prices, capacity, ticket types); the snapshot replaces the old one. */
public record EventUpdated(UUID eventId, Instant occurredAt, EventSnapshot event) implements CatalogEvent {
}
