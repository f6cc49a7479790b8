package io.taquilla.payment.refund;

import io.taquilla.contracts.Topics;
import io.taquilla.contracts.payments.RefundFailed;
import io.taquilla.messaging.outbox.Outbox;
import io.taquilla.payment.call.StripeCall;
import io.taquilla.payment.call.StripeCallHandler;
import io.taquilla.payment.call.StripeCalls;
import io.taquilla.payment.provider.RefundOrder;
import io.taquilla.payment.provider.ResilientStripe;
import io.taquilla.payment.provider.SubmittedRefund;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Calls the Refund API. {@code PaymentRefunded} is published only when Stripe confirms with
 * {@code charge.refunded}; the answer here just records Stripe's refund id.
 */
@Component
public class SubmitRefund implements StripeCallHandler {

    private static final Logger log = LoggerFactory.getLogger(SubmitRefund.class);

    private final Jdbi jdbi;
    private final Refunds refunds;
    private final StripeCalls calls;
    private final ResilientStripe stripe;
    private final Outbox outbox;

    public SubmitRefund(Jdbi jdbi, Refunds refunds, StripeCalls calls, ResilientStripe stripe, Outbox outbox) {
        this.outbox = outbox;
        this.jdbi = jdbi;
        this.refunds = refunds;
        this.calls = calls;
        this.stripe = stripe;
    }

    @Override
    public StripeCall.Operation operation() {
        return StripeCall.Operation.CREATE_REFUND;
    }

    @Override
    public void perform(StripeCall call) throws Throwable {
        Optional<Refund> found = jdbi.withHandle(handle -> refunds.find(handle, call.orderId()));
        if (found.isEmpty() || !Refund.REQUESTED.equals(found.get().status())) {
            calls.complete(call.id(), StripeCall.Outcome.SKIPPED, found.map(r -> "refund is " + r.status()).orElse("no refund"));
            return;
        }
        Refund refund = found.get();
        SubmittedRefund submitted = stripe.refund(new RefundOrder(refund.orderId(), refund.paymentIntentId(),
                refund.amount(), refund.reason(), call.idempotencyKey()));
        jdbi.useTransaction(handle -> {
            refunds.submitted(handle, refund.orderId(), submitted.refundId());
            calls.complete(handle, call.id(), StripeCall.Outcome.DONE, null);
        });
        log.info("refund {} ({}) submitted for order {}", submitted.refundId(), submitted.status(), refund.orderId());
    }

    /**
     * Stripe refused the refund (e.g. already refunded, or the payment intent is unknown): needs a
     * human. {@code RefundFailed} tells order-service, which lists it (e.g. on the event
     * cancellation's progress) and flags the order.
     */
    @Override
    public void rejected(StripeCall call, String error) {
        jdbi.useTransaction(handle -> {
            refunds.rejected(handle, call.orderId(), error);
            calls.complete(handle, call.id(), StripeCall.Outcome.REJECTED, error);
            outbox.append(handle, Topics.PAYMENTS_PAYMENT, new RefundFailed(UUID.randomUUID(), Instant.now(),
                    call.orderId(), error == null || error.isBlank() ? "refused by Stripe" : error));
        });
    }
}
