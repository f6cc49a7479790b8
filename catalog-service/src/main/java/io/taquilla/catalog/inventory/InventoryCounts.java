package io.taquilla.catalog.inventory;

import io.taquilla.contracts.ordering.InventoryChanged;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.springframework.stereotype.Component;

/**
 * Catalog's copy of order-service's inventory counts, from {@code ordering.inventory.v1}. Counts
 * are absolute, so the newest message wins and an older one arriving late is ignored.
 */
@Component
public class InventoryCounts {

    public void record(Handle handle, InventoryChanged change) {
        handle.createUpdate("""
                        insert into ticket_type_inventory (ticket_type_id, catalog_event_id, capacity, held, sold, available,
                                                           observed_at)
                        values (:ticketTypeId, :catalogEventId, :capacity, :held, :sold, :available, :observedAt)
                        on conflict (ticket_type_id) do update
                           set catalog_event_id = excluded.catalog_event_id, capacity = excluded.capacity,
                               held = excluded.held, sold = excluded.sold, available = excluded.available,
                               observed_at = excluded.observed_at
                         where ticket_type_inventory.observed_at <= excluded.observed_at
                        """)
                .bind("ticketTypeId", change.ticketTypeId())
                .bind("catalogEventId", change.catalogEventId())
                .bind("capacity", change.capacity())
                .bind("held", change.held())
                .bind("sold", change.sold())
                .bind("available", change.available())
                .bind("observedAt", change.occurredAt().atOffset(ZoneOffset.UTC))
                .execute();
    }

    /** Counts of every ticket type of one event that order-service reported on. */
    public Map<UUID, TicketTypeCounts> ofEvent(Handle handle, UUID catalogEventId) {
        return read(handle, "select * from ticket_type_inventory where catalog_event_id = :id", catalogEventId);
    }

    /**
     * The same, holding the rows until the transaction ends so a sale recorded meanwhile cannot
     * slip under a capacity reduction being checked against these numbers.
     */
    public Map<UUID, TicketTypeCounts> ofEventLocked(Handle handle, UUID catalogEventId) {
        return read(handle, "select * from ticket_type_inventory where catalog_event_id = :id for share", catalogEventId);
    }

    private static Map<UUID, TicketTypeCounts> read(Handle handle, String sql, UUID catalogEventId) {
        Map<UUID, TicketTypeCounts> counts = new HashMap<>();
        handle.createQuery(sql).bind("id", catalogEventId)
                .map((rs, ctx) -> new TicketTypeCounts(rs.getObject("ticket_type_id", UUID.class), rs.getInt("capacity"),
                        rs.getInt("held"), rs.getInt("sold"), rs.getInt("available"),
                        rs.getObject("observed_at", OffsetDateTime.class).toInstant()))
                .forEach(c -> counts.put(c.ticketTypeId(), c));
        return counts;
    }
}
