package io.taquilla.catalog.browse;

import io.taquilla.catalog.event.domain.Venue;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.springframework.stereotype.Component;

/** The public listing: published events that have not started, soonest first, a page at a time. */
@Component
class UpcomingEvents {

    record Item(UUID id, String slug, String name, Venue venue, Instant startsAt, Instant doorsOpenAt,
                Instant salesStartAt, Instant salesEndAt, boolean onSale, PublicEventView.Price priceFrom, int totalCapacity,
                int totalAvailable, boolean isSoldOut) {}

    record Page(List<Item> items, int page, int size, long totalItems, long totalPages) {}

    private static final String LIST = """
            select e.id, e.slug, e.name, e.venue_name, e.venue_address, e.venue_city, e.venue_timezone,
                   e.starts_at, e.doors_open_at, e.sales_start_at, e.sales_end_at,
                   (e.sales_start_at <= :now and :now < e.sales_end_at) as on_sale,
                   t.price_from, t.currency, coalesce(t.capacity, 0) as capacity,
                   coalesce(t.available, 0) as available
              from catalog_event e
              left join lateral (
                    select min(tt.price_minor) as price_from, min(tt.currency) as currency,
                           sum(tt.capacity) as capacity,
                           sum(greatest(0, tt.capacity - coalesce(i.sold, 0) - coalesce(i.held, 0))) as available
                      from ticket_type tt
                      left join ticket_type_inventory i on i.ticket_type_id = tt.id
                     where tt.event_id = e.id) t on true
             where e.status = 'PUBLISHED' and e.starts_at > :now
             order by e.starts_at, e.id
             limit :limit offset :offset
            """;

    Page page(Handle handle, Instant now, int page, int size) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        long total = handle.createQuery("select count(*) from catalog_event where status = 'PUBLISHED' and starts_at > :now")
                .bind("now", at).mapTo(Long.class).one();
        List<Item> items = handle.createQuery(LIST)
                .bind("now", at)
                .bind("limit", size)
                .bind("offset", (long) page * size)
                .map((rs, ctx) -> new Item(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("name"),
                        new Venue(rs.getString("venue_name"), rs.getString("venue_address"), rs.getString("venue_city"),
                                rs.getString("venue_timezone")),
                        instant(rs, "starts_at"), instant(rs, "doors_open_at"), instant(rs, "sales_start_at"),
                        instant(rs, "sales_end_at"), rs.getBoolean("on_sale"),
                        rs.getString("currency") == null ? null
                                : new PublicEventView.Price(rs.getLong("price_from"), rs.getString("currency")),
                        rs.getInt("capacity"), rs.getInt("available"), rs.getInt("available") == 0))
                .list();
        return new Page(items, page, size, total, (total + size - 1) / size);
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
