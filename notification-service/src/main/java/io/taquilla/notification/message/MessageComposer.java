package io.taquilla.notification.message;

import io.taquilla.contracts.TaquillaEvent;
import io.taquilla.contracts.ticketing.TicketsIssued;
import io.taquilla.notification.delivery.Delivery;
import io.taquilla.notification.delivery.domain.DeliveryKind;
import io.taquilla.notification.sending.EmailMessage;
import io.taquilla.notification.sending.SmsMessage;

/**
 * Turns a recorded delivery into the message to send, from the event stored with it. Rendering
 * happens at send time, so a template fix also applies to deliveries still waiting.
 */
public class MessageComposer {

    private final MailTemplates templates;
    private final TicketLinks links;
    private final String messageIdDomain;

    public MessageComposer(MailTemplates templates, TicketLinks links, String messageIdDomain) {
        this.templates = templates;
        this.links = links;
        this.messageIdDomain = messageIdDomain;
    }

    /** {@code eventName}: the order's event name when known from elsewhere (refunds), else null. */
    public EmailMessage email(Delivery delivery, String eventName) {
        TaquillaEvent event = EventPayloads.read(delivery.sourceEventType(), delivery.payload());
        String messageId = "delivery-" + delivery.id() + "." + delivery.resends() + "@" + messageIdDomain;
        if (delivery.kind() == DeliveryKind.TICKETS) {
            return TicketsEmail.compose((TicketsIssued) event, delivery.recipient(), messageId, templates, links);
        }
        return OrderNewsEmail.compose(delivery.kind(), event, delivery.orderId(), eventName, delivery.recipient(),
                messageId, templates);
    }

    /** Only tickets go by SMS: a short text with the date at the venue and the link, in the buyer's language. */
    public SmsMessage sms(Delivery delivery) {
        if (delivery.kind() != DeliveryKind.TICKETS) {
            throw new IllegalArgumentException("no SMS for " + delivery.kind());
        }
        TicketsIssued issued = (TicketsIssued) EventPayloads.read(delivery.sourceEventType(), delivery.payload());
        return new SmsMessage(delivery.recipient(), TicketsEmail.sms(issued, links));
    }
}
