/**
 * How a ticket looks, drawn one way everywhere: {@link io.taquilla.ticketrender.TicketFace} is what
 * a ticket shows, {@link io.taquilla.ticketrender.QrCode} its code (PNG, drawn once and shared by
 * the email's inline image, the PDF and the web), {@link io.taquilla.ticketrender.TicketPdf} the
 * printable pages and {@link io.taquilla.ticketrender.EventCalendar} the iCalendar entry. Times
 * print in the venue's zone and the buyer's {@link io.taquilla.ticketrender.TicketLanguage}.
 */
package io.taquilla.ticketrender;
