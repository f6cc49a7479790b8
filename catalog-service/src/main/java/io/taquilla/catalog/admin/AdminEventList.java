package io.taquilla.catalog.admin;

import io.taquilla.catalog.event.domain.EventStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.springframework.stereotype.Component;

/**
 * Every event an organizer has, drafts and cancelled ones included, optionally of one status.
 * {@code organizer} empty: every organizer's (platform admins).
 */
@Component
class AdminEventList {

    record Item(UUID id, UUID organizerId, String slug, String name, String status, long version, Instant startsAt, Instant updatedAt,
                int ticketTypes) {}

    record Page(List<Item> items, int page, int size, long totalItems, long totalPages) {}

    Page page(Handle handle, java.util.Optional<UUID> organizer, EventStatus status, int page, int size) {
        String filter = " where true" + (status == null ? "" : " and e.status = :status")
                + (organizer.isEmpty() ? "" : " and e.organizer_id = :organizer");
        Query count = handle.createQuery("select count(*) from catalog_event e" + filter);
        Query select = handle.createQuery("""
                        select e.id, e.organizer_id, e.slug, e.name, e.status, e.version, e.starts_at, e.updated_at,
                               (select count(*) from ticket_type t where t.event_id = e.id) as ticket_types
                          from catalog_event e""" + filter + """

                         order by e.starts_at, e.id
                         limit :limit offset :offset
                        """);
        if (status != null) {
            count.bind("status", status.name());
            select.bind("status", status.name());
        }
        organizer.ifPresent(id -> {
            count.bind("organizer", id);
            select.bind("organizer", id);
        });
        long total = count.mapTo(Long.class).one();
        List<Item> items = select
                .bind("limit", size)
                .bind("offset", (long) page * size)
                .map((rs, ctx) -> new Item(rs.getObject("id", UUID.class), rs.getObject("organizer_id", UUID.class),
                        rs.getString("slug"), rs.getString("name"),
                        rs.getString("status"), rs.getLong("version"),
                        rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getInt("ticket_types")))
                .list();
        return new Page(items, page, size, total, (total + size - 1) / size);
    }
}
