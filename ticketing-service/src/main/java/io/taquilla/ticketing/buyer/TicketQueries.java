package io.taquilla.ticketing.buyer;

import io.taquilla.contracts.common.Money;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

/** Reads an order's tickets for the buyer. */
@Component
class TicketQueries {

    private record Row(UUID orderId, UUID catalogEventId, String eventName, String venueName, Instant startsAt,
                       String venueAddress, String venueCity, String venueTimezone, String locale,
                       OrderTickets.Ticket ticket) {}

    private final Jdbi jdbi;

    TicketQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Optional<OrderTickets> forOrder(UUID orderId) {
        List<Row> rows = jdbi.withHandle(handle -> handle.createQuery("""
                        select o.order_id, o.catalog_event_id, o.event_name, o.venue_name, o.event_starts_at,
                               o.venue_address, o.venue_city, o.venue_timezone, o.locale,
                               t.ticket_id, t.ticket_number, t.ticket_type_id, t.ticket_type_name, t.holder_name,
                               t.price_minor, t.currency, t.status, t.revoked_at, t.qr_token
                        from ticket_orders o join tickets t on t.order_id = o.order_id
                        where o.order_id = :orderId
                        order by t.line_index, t.unit_index
                        """)
                .bind("orderId", orderId)
                .map((rs, ctx) -> {
                    UUID ticketId = rs.getObject("ticket_id", UUID.class);
                    OffsetDateTime revoked = rs.getObject("revoked_at", OffsetDateTime.class);
                    OrderTickets.Ticket ticket = new OrderTickets.Ticket(ticketId, rs.getString("ticket_number"),
                            rs.getObject("ticket_type_id", UUID.class), rs.getString("ticket_type_name"),
                            rs.getString("holder_name"), new Money(rs.getLong("price_minor"), rs.getString("currency")),
                            rs.getString("status"), revoked == null ? null : revoked.toInstant(), rs.getString("qr_token"),
                            "/api/tickets/" + ticketId + "/qr.png");
                    return new Row(rs.getObject("order_id", UUID.class), rs.getObject("catalog_event_id", UUID.class),
                            rs.getString("event_name"), rs.getString("venue_name"),
                            rs.getObject("event_starts_at", OffsetDateTime.class).toInstant(),
                            rs.getString("venue_address"), rs.getString("venue_city"), rs.getString("venue_timezone"),
                            rs.getString("locale"), ticket);
                })
                .list());
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Row first = rows.get(0);
        return Optional.of(new OrderTickets(first.orderId(), first.catalogEventId(), first.eventName(), first.venueName(),
                first.startsAt(), "/api/tickets/orders/" + orderId + "/pdf", rows.stream().map(Row::ticket).toList(),
                first.venueAddress(), first.venueCity(), first.venueTimezone(), first.locale(),
                "/api/tickets/orders/" + orderId + "/calendar.ics"));
    }

    /** The order a ticket belongs to, to check the buyer's order token against. */
    Optional<UUID> orderOf(UUID ticketId) {
        return jdbi.withHandle(handle -> handle.createQuery("select order_id from tickets where ticket_id = :ticketId")
                .bind("ticketId", ticketId)
                .mapTo(UUID.class)
                .findOne());
    }
}
