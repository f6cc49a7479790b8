package io.taquilla.order.checkout.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A catalog event with its ticket types and sales window, as ordering knows it.
 *
 * @param venueTimezone IANA zone id of the venue, for local times in buyers' messages; null when unknown
 */
public record EventOffer(UUID eventId, String name, String venueName, Instant startsAt, Instant salesStartAt,
                         Instant salesEndAt, String status, List<TicketTypeOffer> ticketTypes, String venueAddress,
                         String venueCity, String venueTimezone) {

    /** Without the venue's address and zone (pricing and its tests need neither). */
    public EventOffer(UUID eventId, String name, String venueName, Instant startsAt, Instant salesStartAt,
                      Instant salesEndAt, String status, List<TicketTypeOffer> ticketTypes) {
        this(eventId, name, venueName, startsAt, salesStartAt, salesEndAt, status, ticketTypes, null, null, null);
    }

    public static final String PUBLISHED = "PUBLISHED";
    public static final String CANCELLED = "CANCELLED";

    public Optional<TicketTypeOffer> ticketType(UUID ticketTypeId) {
        return ticketTypes.stream().filter(t -> t.ticketTypeId().equals(ticketTypeId)).findFirst();
    }

    /** On sale: published, not cancelled, and {@code now} inside the sales window (open-ended sides allowed). */
    public boolean onSaleAt(Instant now) {
        return PUBLISHED.equals(status)
                && (salesStartAt == null || !now.isBefore(salesStartAt))
                && (salesEndAt == null || now.isBefore(salesEndAt));
    }
}
