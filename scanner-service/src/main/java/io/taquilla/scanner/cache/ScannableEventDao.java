package io.taquilla.scanner.cache;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(ScannableEventDao.Row.class)
public interface ScannableEventDao {

    /** {@code ticketTypes} is JSON: {@code [{ticketTypeId, code, name, capacity}]}. */
    record Row(UUID catalogEventId, String name, Instant startsAt, Instant doorsOpenAt, String status,
               int venueCapacity, long version, String ticketTypes, UUID organizerId) {}

    @SqlQuery("""
            select catalog_event_id, name, starts_at, doors_open_at, status, venue_capacity, version,
                   ticket_types::text as ticket_types, organizer_id
              from scannable_event where catalog_event_id = :id
            """)
    Optional<Row> find(@Bind("id") UUID catalogEventId);

    /** Older snapshots than the one held are ignored: catalog versions only go up. */
    @SqlUpdate("""
            insert into scannable_event (catalog_event_id, name, starts_at, doors_open_at, status, venue_capacity,
                                         version, ticket_types, organizer_id)
            values (:catalogEventId, :name, :startsAt, :doorsOpenAt, :status, :venueCapacity, :version,
                    cast(:ticketTypes as jsonb), :organizerId)
            on conflict (catalog_event_id) do update
               set name = excluded.name, starts_at = excluded.starts_at, doors_open_at = excluded.doors_open_at,
                   status = excluded.status, venue_capacity = excluded.venue_capacity, version = excluded.version,
                   ticket_types = excluded.ticket_types, updated_at = now(),
                   organizer_id = coalesce(excluded.organizer_id, scannable_event.organizer_id)
             where scannable_event.version <= excluded.version
            """)
    int upsert(@BindMethods Row row);
}
