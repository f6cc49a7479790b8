package io.taquilla.ticketrender;

/**
 * What one ticket shows: the event, its type, holder and number, and the signed token its QR code
 * carries. The same values fill the email, the PDF page and the web page.
 */
public record TicketFace(EventDetails event, String ticketType, String holder, String ticketNumber, String qrToken) {
}
