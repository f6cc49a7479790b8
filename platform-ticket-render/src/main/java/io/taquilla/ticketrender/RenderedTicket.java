package io.taquilla.ticketrender;

/**
 * A ticket with its QR code drawn once: the same PNG bytes go inline in the email, into the PDF
 * and to the web page, so a ticket's code is encoded and drawn once per message, not per use.
 */
public record RenderedTicket(TicketFace face, byte[] qrPng) {

    public static RenderedTicket of(TicketFace face) {
        return new RenderedTicket(face, QrCode.png(face.qrToken()));
    }
}
