package io.taquilla.ticketing.issuing;

import io.taquilla.contracts.ordering.OrderConfirmed;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Writes an order's one set of tickets. */
public interface IssuedTickets {

    /**
     * Claims the order's issuance: 1 for the first claim, 0 if its tickets exist already. A
     * concurrent second claim waits on the primary key until the first commits, then gets 0.
     */
    @SqlUpdate("""
            insert into ticket_orders (order_id, catalog_event_id, event_name, venue_name, event_starts_at,
                                       customer_email, customer_name, customer_phone, confirmed_by, issued_at,
                                       venue_address, venue_city, venue_timezone, locale)
            values (:orderId, :catalogEventId, :eventName, :venueName, :eventStartsAt,
                    :email, :name, :phone, :confirmedBy, :issuedAt,
                    :venueAddress, :venueCity, :venueTimezone, coalesce(:locale, 'en'))
            on conflict (order_id) do nothing
            """)
    int claim(@Bind("orderId") UUID orderId, @Bind("catalogEventId") UUID catalogEventId,
              @Bind("eventName") String eventName, @Bind("venueName") String venueName,
              @Bind("eventStartsAt") Instant eventStartsAt, @Bind("email") String email, @Bind("name") String name,
              @Bind("phone") String phone, @Bind("confirmedBy") UUID confirmedBy, @Bind("issuedAt") Instant issuedAt,
              @Bind("venueAddress") String venueAddress, @Bind("venueCity") String venueCity,
              @Bind("venueTimezone") String venueTimezone, @Bind("locale") String locale);

    default boolean claim(OrderConfirmed order, Instant issuedAt) {
        return claim(order.orderId(), order.catalogEventId(), order.eventName(), order.venueName(), order.eventStartsAt(),
                order.customer().email(), order.customer().name(), order.customer().phone(), order.eventId(),
                issuedAt, order.venueAddress(), order.venueCity(), order.venueTimezone(), order.locale()) == 1;
    }

    @SqlBatch("""
            insert into tickets (ticket_id, order_id, line_index, unit_index, ticket_number, catalog_event_id,
                                 ticket_type_id, ticket_type_code, ticket_type_name, holder_name, holder_email,
                                 price_minor, currency, qr_token, key_id, issued_at)
            values (:ticketId, :orderId, :lineIndex, :unitIndex, :ticketNumber, :catalogEventId,
                    :ticketTypeId, :ticketTypeCode, :ticketTypeName, :holderName, :holderEmail,
                    :priceMinor, :currency, :qrToken, :keyId, :issuedAt)
            """)
    void insert(@BindMethods List<NewTicket> tickets);
}
