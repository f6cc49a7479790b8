package io.taquilla.notification.message;

import io.taquilla.contracts.ticketing.IssuedTicket;
import io.taquilla.contracts.ticketing.TicketsIssued;
import io.taquilla.notification.delivery.domain.Formats;
import io.taquilla.notification.render.QrCodes;
import io.taquilla.notification.render.TicketPdf;
import io.taquilla.notification.sending.EmailMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The tickets email: event details, each ticket with its QR code inline, the PDF attached, a link. */
final class TicketsEmail {

    private TicketsEmail() {
    }

    static EmailMessage compose(TicketsIssued issued, String to, String messageId, MailTemplates templates, TicketLinks links) {
        List<EmailMessage.InlineImage> images = new ArrayList<>();
        List<Map<String, Object>> tickets = new ArrayList<>();
        for (IssuedTicket ticket : issued.tickets()) {
            String contentId = "qr-" + ticket.ticketId();
            images.add(new EmailMessage.InlineImage(contentId, QrCodes.png(ticket.qrToken()), "image/png"));
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
        model.put("startsAt", Formats.when(issued.eventStartsAt()));
        model.put("orderReference", Formats.orderReference(issued.orderId()));
        model.put("ticketCount", issued.tickets().size());
        model.put("plural", issued.tickets().size() != 1);
        model.put("tickets", tickets);
        model.put("ticketsUrl", links.tickets(issued.orderId()));
        byte[] pdf = TicketPdf.render(issued);
        String subject = "Your tickets for " + Formats.oneLine(issued.eventName(), 120);
        return new EmailMessage(to, subject, templates.text("tickets", model), templates.html("tickets", model), images,
                List.of(new EmailMessage.Attachment("tickets-" + Formats.orderReference(issued.orderId()) + ".pdf", pdf,
                        "application/pdf")),
                messageId);
    }
}
