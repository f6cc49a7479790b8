package io.taquilla.payment.refund;

import io.taquilla.contracts.common.Money;
import io.taquilla.payment.attempt.PaymentAttempt;
import io.taquilla.payment.attempt.PaymentAttempts;
import io.taquilla.payment.attempt.domain.PaymentDecision;
import io.taquilla.payment.attempt.domain.PaymentLifecycle;
import io.taquilla.payment.call.StripeCall;
import io.taquilla.payment.call.StripeCalls;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code RefundRequested} (admin) or {@code OrderRejected} (paid after the hold was lost): records
 * the refund and queues the Refund API call. An order is refunded at most once, in full, whoever
 * asks and however often.
 */
@Component
public class RequestRefund {

    private static final Logger log = LoggerFactory.getLogger(RequestRefund.class);

    private final PaymentAttempts attempts;
    private final Refunds refunds;
    private final StripeCalls calls;

    public RequestRefund(PaymentAttempts attempts, Refunds refunds, StripeCalls calls) {
        this.attempts = attempts;
        this.refunds = refunds;
        this.calls = calls;
    }

    /** Returns true when a Stripe call was queued. */
    public boolean apply(Handle handle, UUID eventId, UUID orderId, Money amount, String paymentIntentId, String reason,
                         boolean automatic) {
        Optional<PaymentAttempt> attempt = attempts.lock(handle, orderId);
        String intent = paymentIntentId != null ? paymentIntentId : attempt.map(PaymentAttempt::paymentIntentId).orElse(null);
        Money refundAmount = amount != null ? amount : attempt.map(PaymentAttempt::amount).orElse(null);
        if (intent == null || refundAmount == null) {
            log.error("cannot refund order {}: no payment intent or amount known", orderId);
            return false;
        }
        Refund refund = new Refund(orderId, refundAmount, intent, reason, automatic, Refund.REQUESTED, null);
        if (!refunds.insert(handle, refund, eventId)) {
            log.info("order {} already has a refund; ignoring the repeated request {}", orderId, eventId);
            return false;
        }
        attempt.ifPresent(current -> {
            PaymentDecision decision = PaymentLifecycle.refundRequested(current.status());
            attempts.updateStatus(handle, orderId, decision.next());
        });
        return calls.enqueue(handle, orderId, StripeCall.Operation.CREATE_REFUND);
    }
}
