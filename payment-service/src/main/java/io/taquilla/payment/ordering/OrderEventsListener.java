package io.taquilla.payment.ordering;

import io.taquilla.contracts.Topics;
import io.taquilla.contracts.ordering.OrderCancelled;
import io.taquilla.contracts.ordering.OrderExpired;
import io.taquilla.contracts.ordering.OrderPlaced;
import io.taquilla.contracts.ordering.OrderRejected;
import io.taquilla.contracts.ordering.RefundRequested;
import io.taquilla.messaging.consumer.IncomingEvents;
import io.taquilla.payment.call.StripeCallWorker;
import io.taquilla.payment.checkout.CloseCheckout;
import io.taquilla.payment.checkout.PlaceCheckout;
import io.taquilla.payment.refund.RequestRefund;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What payment-service does with the order lifecycle. Each effect only writes rows (payment,
 * refund, queued Stripe call) in the inbox's transaction; the Stripe calls run after the commit,
 * so a redelivered event is skipped by the inbox and a crash loses nothing.
 */
@Component
public class OrderEventsListener {

    static final String CONSUMER = "payment-service.ordering";

    private final IncomingEvents incoming;
    private final PlaceCheckout placeCheckout;
    private final CloseCheckout closeCheckout;
    private final RequestRefund requestRefund;
    private final StripeCallWorker worker;

    public OrderEventsListener(IncomingEvents incoming, PlaceCheckout placeCheckout, CloseCheckout closeCheckout,
                               RequestRefund requestRefund, StripeCallWorker worker) {
        this.incoming = incoming;
        this.placeCheckout = placeCheckout;
        this.closeCheckout = closeCheckout;
        this.requestRefund = requestRefund;
        this.worker = worker;
    }

    @KafkaListener(topics = Topics.ORDERING_ORDER)
    public void on(ConsumerRecord<String, String> record) throws Exception {
        AtomicBoolean queued = new AtomicBoolean();
        incoming.handle(CONSUMER, record, (handle, event) -> {
            if (event instanceof OrderPlaced placed) {
                queued.set(placeCheckout.apply(handle, placed));
            } else if (event instanceof OrderExpired expired) {
                queued.set(closeCheckout.apply(handle, expired.orderId()));
            } else if (event instanceof OrderCancelled cancelled) {
                queued.set(closeCheckout.apply(handle, cancelled.orderId()));
            } else if (event instanceof RefundRequested refund) {
                queued.set(requestRefund.apply(handle, refund.eventId(), refund.orderId(), refund.amount(),
                        refund.paymentIntentId(), refund.reason(), false));
            } else if (event instanceof OrderRejected rejected) {
                queued.set(requestRefund.apply(handle, rejected.eventId(), rejected.orderId(), rejected.amount(),
                        rejected.paymentIntentId(), rejected.reason(), true));
            }
        });
        if (queued.get()) {
            worker.wakeUp();
        }
    }
}
