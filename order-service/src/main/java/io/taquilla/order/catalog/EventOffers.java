package io.taquilla.order.catalog;

import io.taquilla.order.checkout.domain.EventOffer;
import io.taquilla.order.checkout.domain.TicketTypeOffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.springframework.stereotype.Component;

/** Reads ordering's copy of a catalog event with its ticket types. */
@Component
public class EventOffers {

    public Optional<EventOffer> find(Handle handle, UUID eventId) {
        return handle.createQuery("""
                        select id, name, venue_name, starts_at, sales_start_at, sales_end_at, status,
                               venue_address, venue_city, venue_timezone
                          from catalog_event where id = :event
                        """)
                .bind("event", eventId)
                .map((rs, ctx) -> new EventOffer(
                        rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("venue_name"),
                        instant(rs.getObject("starts_at", OffsetDateTime.class)),
                        instant(rs.getObject("sales_start_at", OffsetDateTime.class)),
                        instant(rs.getObject("sales_end_at", OffsetDateTime.class)),
                        rs.getString("status"), List.of(), rs.getString("venue_address"), rs.getString("venue_city"),
                        rs.getString("venue_timezone")))
                .findOne()
                .map(event -> new EventOffer(event.eventId(), event.name(), event.venueName(), event.startsAt(),
                        event.salesStartAt(), event.salesEndAt(), event.status(), ticketTypes(handle, eventId),
                        event.venueAddress(), event.venueCity(), event.venueTimezone()));
    }

    /** Just the event's name, for messages about an order (expired, refunded). */
    public Optional<String> nameOf(Handle handle, UUID eventId) {
        return handle.createQuery("select name from catalog_event where id = :event")
                .bind("event", eventId).mapTo(String.class).findOne();
    }

    private static List<TicketTypeOffer> ticketTypes(Handle handle, UUID eventId) {
        return handle.createQuery("""
                        select id, code, name, price_minor, currency, max_per_order, active
                          from ticket_type where catalog_event_id = :event order by position, code
                        """)
                .bind("event", eventId)
                .map((rs, ctx) -> new TicketTypeOffer(rs.getObject("id", UUID.class), rs.getString("code"),
                        rs.getString("name"), rs.getLong("price_minor"), rs.getString("currency"),
                        rs.getInt("max_per_order"), rs.getBoolean("active")))
                .list();
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
