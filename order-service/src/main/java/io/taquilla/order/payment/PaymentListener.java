package io.taquilla.order.payment;

import io.taquilla.contracts.Topics;
import io.taquilla.contracts.payments.CheckoutSessionCreated;
import io.taquilla.contracts.payments.PaymentDisputed;
import io.taquilla.contracts.payments.PaymentFailed;
import io.taquilla.contracts.payments.PaymentFlagged;
import io.taquilla.contracts.payments.PaymentRefunded;
import io.taquilla.contracts.payments.PaymentSucceeded;
import io.taquilla.contracts.payments.RefundFailed;
import io.taquilla.messaging.consumer.IncomingEvents;
import io.taquilla.order.cancellation.CancellationProgress;
import io.taquilla.order.orders.OrderTransitions;
import io.taquilla.order.orders.Orders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns what payment-service reports into order transitions, once per event (inbox):
 * checkout links, sold or re-acquired inventory, released holds, refunds, flags.
 */
@Component
class PaymentListener {

    static final String CONSUMER = "order-service.payments";
    private static final Logger log = LoggerFactory.getLogger(PaymentListener.class);

    private final IncomingEvents incoming;
    private final OrderTransitions transitions;
    private final Orders orders;
    private final CancellationProgress cancellations;

    private final boolean revokeOnDispute;

    PaymentListener(IncomingEvents incoming, OrderTransitions transitions, Orders orders,
                    CancellationProgress cancellations,
                    @Value("${taquilla.orders.revoke-on-dispute:true}") boolean revokeOnDispute) {
        this.revokeOnDispute = revokeOnDispute;
        this.cancellations = cancellations;
        this.incoming = incoming;
        this.transitions = transitions;
        this.orders = orders;
    }

    @KafkaListener(topics = Topics.PAYMENTS_PAYMENT)
    void on(ConsumerRecord<String, String> record) throws Exception {
        incoming.handle(CONSUMER, record, (handle, event) -> {
            if (event instanceof CheckoutSessionCreated session) {
                orders.recordCheckout(handle, session.orderId(), session.sessionId(), session.checkoutUrl());
            } else if (event instanceof PaymentSucceeded paid) {
                transitions.paymentSucceeded(handle, paid.orderId(), paid.amount(), paid.paymentIntentId());
            } else if (event instanceof PaymentFailed failed) {
                transitions.paymentFailed(handle, failed.orderId(), failed.reason());
            } else if (event instanceof PaymentRefunded refunded) {
                long soFar = refunded.amountRefundedMinor() != null ? refunded.amountRefundedMinor()
                        : refunded.amount().amountMinor();
                transitions.paymentRefunded(handle, refunded.orderId(), refunded.amount(), refunded.automatic(), soFar,
                        refunded.full());
                if (refunded.full()) {
                    cancellations.refunded(handle, refunded.orderId());
                }
            } else if (event instanceof PaymentDisputed disputed) {
                transitions.paymentDisputed(handle, disputed.orderId(), disputed.status(), disputed.reason(),
                        disputed.closed(), revokeOnDispute);
            } else if (event instanceof RefundFailed failed) {
                log.error("refund of order {} failed: {}", failed.orderId(), failed.reason());
                orders.recordFlag(handle, failed.orderId(), "refund failed: " + failed.reason());
                cancellations.failed(handle, failed.orderId(), failed.reason());
            } else if (event instanceof PaymentFlagged flagged) {
                log.warn("payment for order {} flagged: {}", flagged.orderId(), flagged.reason());
                orders.recordFlag(handle, flagged.orderId(), flagged.reason());
            }
        });
    }
}
