package io.taquilla.ticketing.buyer;

import io.taquilla.contracts.common.Money;
import io.taquilla.ticketrender.EventDetails;
import io.taquilla.ticketrender.RenderedTicket;
import io.taquilla.ticketrender.TicketFace;
import io.taquilla.ticketrender.TicketLanguage;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order's tickets as the buyer sees, downloads and prints them.
 *
 * @param venueTimezone IANA zone of the venue: show {@code eventStartsAt} in it (null: unknown, UTC)
 * @param locale        the buyer's language, {@code en} or {@code es}
 * @param calendarPath  add {@code ?token=<order token>} to fetch the event as an iCalendar file
 */
public record OrderTickets(UUID orderId, UUID catalogEventId, String eventName, String venueName, Instant eventStartsAt,
                           String pdfPath, List<Ticket> tickets, String venueAddress, String venueCity,
                           String venueTimezone, String locale, String calendarPath) {

    /** @param qrImagePath add {@code ?token=<order token>} to fetch it */
    public record Ticket(UUID ticketId, String ticketNumber, UUID ticketTypeId, String ticketTypeName, String holderName,
                         Money price, String status, Instant revokedAt, String qrToken, String qrImagePath) {

        public boolean valid() {
            return "ISSUED".equals(status);
        }
    }

    public List<Ticket> validTickets() {
        return tickets.stream().filter(Ticket::valid).toList();
    }

    /** The event as tickets print it: local time in the venue's zone. */
    public EventDetails event() {
        return new EventDetails(eventName, venueName, venueAddress, venueCity, eventStartsAt,
                EventDetails.zoneOf(venueTimezone));
    }

    public TicketLanguage language() {
        return TicketLanguage.of(locale);
    }

    /** The valid tickets, each with its QR code drawn once. */
    public List<RenderedTicket> renderValid() {
        EventDetails event = event();
        return validTickets().stream()
                .map(t -> RenderedTicket.of(new TicketFace(event, t.ticketTypeName(), t.holderName(), t.ticketNumber(),
                        t.qrToken())))
                .toList();
    }
}
