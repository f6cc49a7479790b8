package io.taquilla.order.catalog;

import io.taquilla.contracts.catalog.EventSnapshot;
import io.taquilla.contracts.catalog.TicketTypeSnapshot;
import io.taquilla.order.inventory.Capacity;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies a catalog snapshot to ordering's copy: event details, ticket types and prices, and the
 * inventory units behind each capacity. Snapshots not newer than the stored version are ignored,
 * so redelivered or reordered messages cannot roll the copy back. Ticket types missing from a
 * snapshot stop being sold; their units stay so existing orders keep what they hold.
 */
@Component
public class CatalogCopy {

    private static final Logger log = LoggerFactory.getLogger(CatalogCopy.class);

    private final Capacity capacity;

    public CatalogCopy(Capacity capacity) {
        this.capacity = capacity;
    }

    /** Returns the ticket types whose inventory may have changed (empty for a stale snapshot). */
    public List<UUID> apply(Handle handle, EventSnapshot snapshot) {
        Long stored = handle.createQuery("select version from catalog_event where id = :id for update")
                .bind("id", snapshot.catalogEventId()).mapTo(Long.class).findOne().orElse(null);
        if (stored != null && stored >= snapshot.version()) {
            log.info("ignoring catalog snapshot {} v{}: have v{}", snapshot.catalogEventId(), snapshot.version(), stored);
            return List.of();
        }
        handle.createUpdate("""
                        insert into catalog_event (id, organizer_id, name, venue_name, venue_address, venue_city,
                                                   venue_timezone, starts_at, sales_start_at, sales_end_at, status, version)
                        values (:id, :organizer, :name, :venue, :venueAddress, :venueCity, :venueTimezone,
                                :startsAt, :salesStart, :salesEnd, :status, :version)
                        on conflict (id) do update
                           set organizer_id = coalesce(excluded.organizer_id, catalog_event.organizer_id),
                               name = excluded.name, venue_name = excluded.venue_name,
                               venue_address = excluded.venue_address, venue_city = excluded.venue_city,
                               venue_timezone = excluded.venue_timezone, starts_at = excluded.starts_at,
                               sales_start_at = excluded.sales_start_at, sales_end_at = excluded.sales_end_at,
                               status = excluded.status, version = excluded.version, updated_at = now()
                        """)
                .bind("id", snapshot.catalogEventId())
                .bind("organizer", snapshot.organizerId())
                .bind("name", snapshot.name())
                .bind("venue", snapshot.venue() == null ? null : snapshot.venue().name())
                .bind("venueAddress", snapshot.venue() == null ? null : snapshot.venue().address())
                .bind("venueCity", snapshot.venue() == null ? null : snapshot.venue().city())
                .bind("venueTimezone", snapshot.venue() == null ? null : snapshot.venue().timezone())
                .bind("startsAt", snapshot.startsAt())
                .bind("salesStart", snapshot.salesStartAt())
                .bind("salesEnd", snapshot.salesEndAt())
                .bind("status", snapshot.status())
                .bind("version", snapshot.version())
                .execute();
        List<UUID> types = new ArrayList<>();
        List<TicketTypeSnapshot> snapshotTypes = snapshot.ticketTypes() == null ? List.of() : snapshot.ticketTypes();
        for (int i = 0; i < snapshotTypes.size(); i++) {
            TicketTypeSnapshot type = snapshotTypes.get(i);
            handle.createUpdate("""
                            insert into ticket_type (id, catalog_event_id, code, name, price_minor, currency, capacity,
                                                     max_per_order, active, position)
                            values (:id, :event, :code, :name, :price, :currency, 0, :max, true, :position)
                            on conflict (id) do update
                               set code = excluded.code, name = excluded.name, price_minor = excluded.price_minor,
                                   currency = excluded.currency, max_per_order = excluded.max_per_order,
                                   active = true, position = excluded.position
                            """)
                    .bind("id", type.ticketTypeId())
                    .bind("event", snapshot.catalogEventId())
                    .bind("code", type.code())
                    .bind("name", type.name())
                    .bind("price", type.price().amountMinor())
                    .bind("currency", type.price().currency())
                    .bind("max", Math.max(1, type.maxPerOrder()))
                    .bind("position", i)
                    .execute();
            capacity.resize(handle, type.ticketTypeId(), Math.max(0, type.capacity()));
            types.add(type.ticketTypeId());
        }
        handle.createUpdate("""
                        update ticket_type set active = false
                         where catalog_event_id = :event and active and not (id = any(:kept))
                        """)
                .bind("event", snapshot.catalogEventId())
                .bind("kept", types.toArray(new UUID[0]))
                .execute();
        return types;
    }
}
