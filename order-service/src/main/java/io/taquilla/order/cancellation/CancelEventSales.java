package io.taquilla.order.cancellation;

import io.taquilla.contracts.ordering.OrderRefunded;
import io.taquilla.order.orders.OrderTransitions;
import io.taquilla.order.orders.Orders;
import io.taquilla.order.orders.StoredOrder;
import io.taquilla.order.orders.domain.OrderStatus;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The event cancellation saga's first step, on the transaction of {@code EventCancelled}: every
 * unpaid order gives its hold back, every paid order is refunded in full (RefundRequested →
 * payment-service → PaymentRefunded → OrderRefunded, which revokes the tickets and emails the buyer),
 * a free order is refunded at once, and the waitlist closes. What each order needs is recorded, so
 * a second EventCancelled (redelivery, or the admin cancelling twice) settles only orders not seen
 * yet, and a crash before the commit simply replays the whole step.
 */
@Component
public class CancelEventSales {

    private static final Logger log = LoggerFactory.getLogger(CancelEventSales.class);

    private final Orders orders;
    private final OrderTransitions transitions;
    private final CancellationProgress progress;
    private final EventWaitlist waitlist;

    CancelEventSales(Orders orders, OrderTransitions transitions, CancellationProgress progress, EventWaitlist waitlist) {
        this.orders = orders;
        this.transitions = transitions;
        this.progress = progress;
        this.waitlist = waitlist;
    }

    public void apply(Handle handle, UUID catalogEventId) {
        boolean first = progress.start(handle, catalogEventId);
        List<UUID> unsettled = progress.unsettledOrders(handle, catalogEventId);
        for (UUID orderId : unsettled) {
            StoredOrder order = orders.lock(handle, orderId).orElseThrow();
            String state = settle(handle, order);
            if (state != null) {
                progress.record(handle, catalogEventId, orderId, state);
            }
        }
        waitlist.closeForCancelledEvent(handle, catalogEventId);
        log.info("event {} cancelled ({}): {} orders settled", catalogEventId, first ? "saga started" : "saga resumed",
                unsettled.size());
    }

    private String settle(Handle handle, StoredOrder order) {
        switch (order.status()) {
            case AWAITING_PAYMENT:
                transitions.cancel(handle, order, OrderRefunded.EVENT_CANCELLED);
                return CancellationProgress.HOLD_RELEASED;
            case CONFIRMED:
                OrderStatus after = transitions.requestRefund(handle, order, OrderRefunded.EVENT_CANCELLED);
                return after == OrderStatus.REFUNDED ? CancellationProgress.REFUNDED : CancellationProgress.REFUND_REQUESTED;
            case REFUND_REQUESTED:
                return CancellationProgress.REFUND_REQUESTED;
            default:
                return null;
        }
    }
}
