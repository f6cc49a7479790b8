package io.taquilla.notification.message;

import io.taquilla.contracts.TaquillaEvent;
import io.taquilla.contracts.common.Customer;
import io.taquilla.contracts.common.Money;
import io.taquilla.contracts.ordering.OrderExpired;
import io.taquilla.contracts.ordering.OrderRefunded;
import io.taquilla.contracts.ordering.OrderRejected;
import io.taquilla.notification.delivery.domain.DeliveryKind;
import io.taquilla.notification.delivery.domain.Formats;
import io.taquilla.notification.sending.EmailMessage;
import io.taquilla.ticketrender.TicketLanguage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Emails about an order that has no tickets to show: expired, refunded, refunded because it paid too
 * late; in the buyer's language.
 */
final class OrderNewsEmail {

    private OrderNewsEmail() {
    }

    static EmailMessage compose(DeliveryKind kind, TaquillaEvent event, UUID orderId, String knownEventName, String to,
                                String messageId, MailTemplates templates) {
        TicketLanguage language = TicketLanguage.of(locale(event));
        String eventName = eventName(event) != null ? eventName(event) : knownEventName;
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("buyerName", customer(event) == null ? "" : customer(event).name());
        model.put("orderReference", Formats.orderReference(orderId));
        model.put("eventName", eventName);
        model.put("hasEventName", eventName != null && !eventName.isBlank());
        model.put("amount", Formats.money(amount(event)));
        model.put("hasAmount", amount(event) != null);
        String reference = Formats.orderReference(orderId);
        String about = eventName == null ? Wording.orderAbout(language, reference) : Formats.oneLine(eventName, 100);
        String template;
        String subject;
        switch (kind) {
            case ORDER_EXPIRED -> {
                template = "order-expired";
                subject = Wording.expiredSubject(language, reference);
            }
            case REFUND -> {
                template = "refund";
                subject = Wording.refundSubject(language, about);
            }
            case LATE_PAYMENT_REFUNDED -> {
                template = "late-payment-refunded";
                subject = Wording.latePaymentSubject(language, reference);
            }
            case EVENT_CANCELLED -> {
                template = "event-cancelled";
                subject = "Cancelled: " + about + " (your refund)";
            }
            default -> throw new IllegalArgumentException("not an order news kind: " + kind);
        }
        return new EmailMessage(to, subject, templates.text(template, language, model),
                templates.html(template, language, model), List.of(), List.of(), messageId);
    }

    private static String eventName(TaquillaEvent event) {
        if (event instanceof OrderExpired expired) {
            return expired.eventName();
        }
        if (event instanceof OrderRefunded refunded) {
            return refunded.eventName();
        }
        if (event instanceof OrderRejected rejected) {
            return rejected.eventName();
        }
        return null;
    }

    private static String locale(TaquillaEvent event) {
        if (event instanceof OrderExpired expired) {
            return expired.locale();
        }
        if (event instanceof OrderRefunded refunded) {
            return refunded.locale();
        }
        if (event instanceof OrderRejected rejected) {
            return rejected.locale();
        }
        return null;
    }

    private static Customer customer(TaquillaEvent event) {
        if (event instanceof OrderExpired expired) {
            return expired.customer();
        }
        if (event instanceof OrderRefunded refunded) {
            return refunded.customer();
        }
        if (event instanceof OrderRejected rejected) {
            return rejected.customer();
        }
        return null;
    }

    private static Money amount(TaquillaEvent event) {
        if (event instanceof OrderRefunded refunded) {
            return refunded.amount();
        }
        if (event instanceof OrderRejected rejected) {
            return rejected.amount();
        }
        return null;
    }
}
