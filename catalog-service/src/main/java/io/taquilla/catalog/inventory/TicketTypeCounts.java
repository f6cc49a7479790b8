package io.taquilla.catalog.inventory;

import java.time.Instant;
import java.util.UUID;

/** The latest counts order-service reported for one ticket type, and when they were true. */
public record TicketTypeCounts(UUID ticketTypeId, int capacity, int held, int sold, int available, Instant observedAt) {
}
