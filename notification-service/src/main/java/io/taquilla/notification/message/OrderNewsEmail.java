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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Emails about an order that has no tickets to show: expired, refunded, refunded because it paid too late. */
final class OrderNewsEmail {

    private OrderNewsEmail() {
    }

    static EmailMessage compose(DeliveryKind kind, TaquillaEvent event, UUID orderId, String eventName, String to,
                                String messageId, MailTemplates templates) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("buyerName", customer(event) == null ? "" : customer(event).name());
        model.put("orderReference", Formats.orderReference(orderId));
        model.put("eventName", eventName);
        model.put("hasEventName", eventName != null && !eventName.isBlank());
        model.put("amount", Formats.money(amount(event)));
        model.put("hasAmount", amount(event) != null);
        String reference = Formats.orderReference(orderId);
        String about = eventName == null ? "order " + reference : Formats.oneLine(eventName, 100);
        String template;
        String subject;
        switch (kind) {
            case ORDER_EXPIRED -> {
                template = "order-expired";
                subject = "Your reservation expired (order " + reference + ")";
            }
            case REFUND -> {
                template = "refund";
                subject = "Your refund for " + about;
            }
            case LATE_PAYMENT_REFUNDED -> {
                template = "late-payment-refunded";
                subject = "Your payment for order " + reference + " is refunded";
            }
            case EVENT_CANCELLED -> {
                template = "event-cancelled";
                subject = "Cancelled: " + about + " (your refund)";
            }
            default -> throw new IllegalArgumentException("not an order news kind: " + kind);
        }
        return new EmailMessage(to, subject, templates.text(template, model), templates.html(template, model),
                List.of(), List.of(), messageId);
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
