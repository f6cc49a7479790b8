package io.taquilla.notification.delivery.domain;

import io.taquilla.contracts.TaquillaEvent;
import io.taquilla.contracts.common.Customer;
import io.taquilla.contracts.ordering.OrderExpired;
import io.taquilla.contracts.ordering.OrderRefunded;
import io.taquilla.contracts.ordering.OrderRejected;
import io.taquilla.contracts.ticketing.TicketsIssued;
import java.util.ArrayList;
import java.util.List;

/**
 * Which deliveries an event calls for. Tickets go by email, and by SMS too when the buyer gave a
 * phone; order news goes by email. An automatic refund ({@code OrderRefunded.automatic}) and the
 * {@code OrderRejected} that precedes it are the same news, so both map to
 * {@link DeliveryKind#LATE_PAYMENT_REFUNDED} and the buyer hears it once.
 */
public final class DeliveryPlan {

    private DeliveryPlan() {
    }

    public static List<PlannedDelivery> forEvent(TaquillaEvent event) {
        List<PlannedDelivery> planned = new ArrayList<>();
        if (event instanceof TicketsIssued issued) {
            email(planned, issued.orderId(), DeliveryKind.TICKETS, issued.customer());
            if (issued.customer() != null && hasText(issued.customer().phone())) {
                planned.add(new PlannedDelivery(issued.orderId(), DeliveryKind.TICKETS, Channel.SMS,
                        issued.customer().phone().trim()));
            }
        } else if (event instanceof OrderExpired expired) {
            email(planned, expired.orderId(), DeliveryKind.ORDER_EXPIRED, expired.customer());
        } else if (event instanceof OrderRefunded refunded) {
            email(planned, refunded.orderId(), OrderRefunded.EVENT_CANCELLED.equals(refunded.reason())
                    ? DeliveryKind.EVENT_CANCELLED
                    : refunded.automatic() ? DeliveryKind.LATE_PAYMENT_REFUNDED : DeliveryKind.REFUND, refunded.customer());
        } else if (event instanceof OrderRejected rejected) {
            email(planned, rejected.orderId(), DeliveryKind.LATE_PAYMENT_REFUNDED, rejected.customer());
        }
        return planned;
    }

    private static void email(List<PlannedDelivery> planned, java.util.UUID orderId, DeliveryKind kind, Customer customer) {
        if (customer != null && hasText(customer.email())) {
            planned.add(new PlannedDelivery(orderId, kind, Channel.EMAIL, customer.email().trim()));
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
