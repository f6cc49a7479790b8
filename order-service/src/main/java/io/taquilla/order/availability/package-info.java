/**
 * Live availability pushed to buyers' pages: {@code GET /api/events/{id}/availability/stream}
 * (server-sent events). One in-memory state per watched event, fed by the {@code InventoryChanged}
 * events every instance reads from Kafka, and fanned out to every open stream: a client costs no
 * database query, an event's first watcher costs one.
 */
package io.taquilla.order.availability;
