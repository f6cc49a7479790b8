package io.taquilla.contracts.catalog;

import java.time.Instant;
import java.util.UUID;

/** The event will not take place: sales stop and scanners reject its tickets. */
public record EventCancelled(UUID eventId, Instant occurredAt, EventSnapshot event) implements CatalogEvent {
}
