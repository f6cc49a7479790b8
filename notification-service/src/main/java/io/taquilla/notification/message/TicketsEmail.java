package io.taquilla.notification.message;

import io.taquilla.contracts.ticketing.IssuedTicket;
import io.taquilla.contracts.ticketing.TicketsIssued;
import io.taquilla.notification.delivery.domain.Formats;
import io.taquilla.notification.sending.EmailMessage;
import io.taquilla.ticketrender.EventDetails;
import io.taquilla.ticketrender.RenderedTicket;
import io.taquilla.ticketrender.TicketFace;
import io.taquilla.ticketrender.TicketLanguage;
import io.taquilla.ticketrender.TicketPdf;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tickets email, in the buyer's language with times at the venue: event details, each ticket
 * with its QR code inline, the PDF attached, a link to the tickets page. Each QR code is drawn
 * once; the same PNG is the inline image and the PDF's picture.
 */
final class TicketsEmail {

    private TicketsEmail() {
    }

    static EventDetails event(TicketsIssued issued) {
        return new EventDetails(issued.eventName(), issued.venueName(), issued.venueAddress(), issued.venueCity(),
                issued.eventStartsAt(), EventDetails.zoneOf(issued.venueTimezone()));
    }

    static EmailMessage compose(TicketsIssued issued, String to, String messageId, MailTemplates templates, TicketLinks links) {
        TicketLanguage language = TicketLanguage.of(issued.locale());
        EventDetails event = event(issued);
        List<EmailMessage.InlineImage> images = new ArrayList<>();
        List<RenderedTicket> rendered = new ArrayList<>();
        List<Map<String, Object>> tickets = new ArrayList<>();
        for (IssuedTicket ticket : issued.tickets()) {
            RenderedTicket drawn = RenderedTicket.of(new TicketFace(event, ticket.ticketTypeName(), ticket.holderName(),
                    ticket.ticketNumber(), ticket.qrToken()));
            rendered.add(drawn);
            String contentId = "qr-" + ticket.ticketId();
            images.add(new EmailMessage.InlineImage(contentId, drawn.qrPng(), "image/png"));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("ticketNumber", ticket.ticketNumber());
            row.put("ticketType", ticket.ticketTypeName());
            row.put("holder", ticket.holderName());
            row.put("price", Formats.money(ticket.price()));
            row.put("contentId", contentId);
            tickets.add(row);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("buyerName", issued.customer().name());
        model.put("eventName", issued.eventName());
        model.put("venueName", issued.venueName());
        model.put("venue", event.where());
        model.put("startsAt", event.when(language));
        model.put("orderReference", Formats.orderReference(issued.orderId()));
        model.put("ticketCount", issued.tickets().size());
        model.put("plural", issued.tickets().size() != 1);
        model.put("tickets", tickets);
        model.put("ticketsUrl", links.tickets(issued.orderId()));
        byte[] pdf = TicketPdf.render(rendered, language);
        String subject = Wording.ticketsSubject(language, Formats.oneLine(issued.eventName(), 120));
        String filename = (language == TicketLanguage.ES ? "entradas-" : "tickets-")
                + Formats.orderReference(issued.orderId()) + ".pdf";
        return new EmailMessage(to, subject, templates.text("tickets", language, model),
                templates.html("tickets", language, model), images,
                List.of(new EmailMessage.Attachment(filename, pdf, "application/pdf")), messageId);
    }

    static String sms(TicketsIssued issued, TicketLinks links) {
        TicketLanguage language = TicketLanguage.of(issued.locale());
        return Wording.ticketsSms(language, issued.tickets().size(), Formats.oneLine(issued.eventName(), 60),
                event(issued).when(language), links.tickets(issued.orderId()));
    }
}
