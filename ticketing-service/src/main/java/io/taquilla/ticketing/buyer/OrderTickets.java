package io.taquilla.ticketing.buyer;

import io.taquilla.contracts.common.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order's tickets as the buyer sees, downloads and prints them. */
public record OrderTickets(UUID orderId, UUID catalogEventId, String eventName, String venueName, Instant eventStartsAt,
                           String pdfPath, List<Ticket> tickets) {

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
}
