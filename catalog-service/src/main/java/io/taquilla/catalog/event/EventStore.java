package io.taquilla.catalog.event;

import io.taquilla.catalog.event.domain.EventSpec;
import io.taquilla.catalog.event.domain.EventStatus;
import io.taquilla.catalog.event.domain.TicketTypeSpec;
import io.taquilla.catalog.event.domain.Venue;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.springframework.stereotype.Component;

/** Reads and writes catalog events and their ticket types on the caller's transaction. */
@Component
public class EventStore {

    private static final String SELECT_EVENT = """
            select id, organizer_id, slug, name, description, venue_name, venue_address, venue_city, venue_timezone,
                   starts_at, doors_open_at, sales_start_at, sales_end_at, venue_capacity, status, version,
                   created_at, updated_at, published_at, cancelled_at
              from catalog_event
            """;

    private static final String SELECT_TYPES = """
            select id, code, name, price_minor, currency, capacity, max_per_order
              from ticket_type where event_id = :eventId order by position
            """;

    private record EventRow(UUID id, UUID organizerId, EventSpec spec, EventStatus status, long version, Instant createdAt,
                            Instant updatedAt, Instant publishedAt, Instant cancelledAt) {}

    private record TypeRow(UUID id, TicketTypeSpec spec) {}

    public Optional<StoredEvent> find(Handle handle, UUID id) {
        return load(handle, SELECT_EVENT + " where id = :id", "id", id);
    }

    /** Locks the event row until the transaction ends, so changes to one event are serialised. */
    public Optional<StoredEvent> findForUpdate(Handle handle, UUID id) {
        return load(handle, SELECT_EVENT + " where id = :id for update", "id", id);
    }

    public Optional<StoredEvent> findBySlug(Handle handle, String slug) {
        return load(handle, SELECT_EVENT + " where slug = :slug", "slug", slug);
    }

    public boolean slugTaken(Handle handle, String slug, UUID except) {
        return handle.createQuery("select exists (select 1 from catalog_event where slug = :slug and id <> :except)")
                .bind("slug", slug)
                .bind("except", except)
                .mapTo(Boolean.class)
                .one();
    }

    public void insert(Handle handle, StoredEvent event) {
        handle.createUpdate("""
                        insert into catalog_event (id, organizer_id, slug, name, description, venue_name, venue_address, venue_city,
                                                   venue_timezone, starts_at, doors_open_at, sales_start_at, sales_end_at,
                                                   venue_capacity, status, version, created_at, updated_at)
                        values (:id, :organizerId, :slug, :name, :description, :venueName, :venueAddress, :venueCity, :venueTimezone,
                                :startsAt, :doorsOpenAt, :salesStartAt, :salesEndAt, :venueCapacity, :status, :version,
                                :createdAt, :updatedAt)
                        """)
                .bindMap(columns(event))
                .bind("createdAt", utc(event.createdAt()))
                .bind("organizerId", event.organizerId())
                .execute();
        writeTicketTypes(handle, event);
    }

    /** Replaces the event's fields and ticket types; types whose code disappeared are deleted. */
    public void update(Handle handle, StoredEvent event) {
        handle.createUpdate("""
                        update catalog_event
                           set slug = :slug, name = :name, description = :description, venue_name = :venueName,
                               venue_address = :venueAddress, venue_city = :venueCity, venue_timezone = :venueTimezone,
                               starts_at = :startsAt, doors_open_at = :doorsOpenAt, sales_start_at = :salesStartAt,
                               sales_end_at = :salesEndAt, venue_capacity = :venueCapacity, status = :status,
                               version = :version, updated_at = :updatedAt, published_at = :publishedAt,
                               cancelled_at = :cancelledAt
                         where id = :id
                        """)
                .bindMap(columns(event))
                .bind("publishedAt", utc(event.publishedAt()))
                .bind("cancelledAt", utc(event.cancelledAt()))
                .execute();
        handle.createUpdate("delete from ticket_type where event_id = :eventId and not (id = any(:kept))")
                .bind("eventId", event.id())
                .bindArray("kept", UUID.class, event.ticketTypeIds().values().toArray(UUID[]::new))
                .execute();
        writeTicketTypes(handle, event);
    }

    private static void writeTicketTypes(Handle handle, StoredEvent event) {
        List<TicketTypeSpec> types = event.spec().ticketTypes();
        for (int position = 0; position < types.size(); position++) {
            TicketTypeSpec type = types.get(position);
            handle.createUpdate("""
                            insert into ticket_type (id, event_id, code, name, price_minor, currency, capacity,
                                                     max_per_order, position)
                            values (:id, :eventId, :code, :name, :priceMinor, :currency, :capacity, :maxPerOrder, :position)
                            on conflict (id) do update
                               set name = excluded.name, price_minor = excluded.price_minor, currency = excluded.currency,
                                   capacity = excluded.capacity, max_per_order = excluded.max_per_order,
                                   position = excluded.position
                            """)
                    .bind("id", event.ticketTypeId(type))
                    .bind("eventId", event.id())
                    .bind("code", type.code())
                    .bind("name", type.name())
                    .bind("priceMinor", type.priceMinor())
                    .bind("currency", type.currency())
                    .bind("capacity", type.capacity())
                    .bind("maxPerOrder", type.maxPerOrder())
                    .bind("position", position)
                    .execute();
        }
    }

    private static Map<String, Object> columns(StoredEvent event) {
        EventSpec spec = event.spec();
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("id", event.id());
        columns.put("slug", spec.slug());
        columns.put("name", spec.name());
        columns.put("description", spec.description() == null ? "" : spec.description());
        columns.put("venueName", spec.venue().name());
        columns.put("venueAddress", spec.venue().address());
        columns.put("venueCity", spec.venue().city());
        columns.put("venueTimezone", spec.venue().timezone());
        columns.put("startsAt", utc(spec.startsAt()));
        columns.put("doorsOpenAt", utc(spec.doorsOpenAt()));
        columns.put("salesStartAt", utc(spec.salesStartAt()));
        columns.put("salesEndAt", utc(spec.salesEndAt()));
        columns.put("venueCapacity", spec.venueCapacity());
        columns.put("status", event.status().name());
        columns.put("version", event.version());
        columns.put("updatedAt", utc(event.updatedAt()));
        return columns;
    }

    private Optional<StoredEvent> load(Handle handle, String sql, String name, Object value) {
        Optional<EventRow> row = handle.createQuery(sql).bind(name, value).map(EventStore::eventRow).findOne();
        return row.map(event -> {
            List<TypeRow> types = handle.createQuery(SELECT_TYPES).bind("eventId", event.id())
                    .map(EventStore::typeRow).list();
            Map<String, UUID> ids = new LinkedHashMap<>();
            types.forEach(type -> ids.put(type.spec().code(), type.id()));
            EventSpec spec = event.spec();
            EventSpec withTypes = new EventSpec(spec.name(), spec.slug(), spec.description(), spec.venue(),
                    spec.startsAt(), spec.doorsOpenAt(), spec.salesStartAt(), spec.salesEndAt(), spec.venueCapacity(),
                    types.stream().map(TypeRow::spec).toList());
            return new StoredEvent(event.id(), event.organizerId(), withTypes, event.status(), event.version(), ids, event.createdAt(),
                    event.updatedAt(), event.publishedAt(), event.cancelledAt());
        });
    }

    private static EventRow eventRow(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        EventSpec spec = new EventSpec(rs.getString("name"), rs.getString("slug"), rs.getString("description"),
                new Venue(rs.getString("venue_name"), rs.getString("venue_address"), rs.getString("venue_city"),
                        rs.getString("venue_timezone")),
                instant(rs, "starts_at"), instant(rs, "doors_open_at"), instant(rs, "sales_start_at"),
                instant(rs, "sales_end_at"), rs.getInt("venue_capacity"), List.of());
        return new EventRow(rs.getObject("id", UUID.class), rs.getObject("organizer_id", UUID.class), spec, EventStatus.valueOf(rs.getString("status")),
                rs.getLong("version"), instant(rs, "created_at"), instant(rs, "updated_at"),
                instant(rs, "published_at"), instant(rs, "cancelled_at"));
    }

    private static TypeRow typeRow(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        return new TypeRow(rs.getObject("id", UUID.class), new TicketTypeSpec(rs.getString("code"), rs.getString("name"),
                rs.getLong("price_minor"), rs.getString("currency"), rs.getInt("capacity"), rs.getInt("max_per_order")));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(java.time.ZoneOffset.UTC);
    }
}
