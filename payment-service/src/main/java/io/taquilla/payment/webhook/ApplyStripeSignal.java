package io.taquilla.payment.webhook;

import io.taquilla.contracts.Topics;
import io.taquilla.contracts.common.Money;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.taquilla.contracts.payments.PaymentDisputed;
import io.taquilla.contracts.payments.PaymentEvent;
import io.taquilla.contracts.payments.PaymentFailed;
import io.taquilla.contracts.payments.PaymentFlagged;
import io.taquilla.contracts.payments.PaymentRefunded;
import io.taquilla.contracts.payments.PaymentSucceeded;
import io.taquilla.messaging.outbox.Outbox;
import io.taquilla.payment.attempt.PaymentAttempt;
import io.taquilla.payment.attempt.PaymentAttempts;
import io.taquilla.payment.attempt.domain.PaymentDecision;
import io.taquilla.payment.attempt.domain.PaymentLifecycle;
import io.taquilla.payment.attempt.domain.PaymentStatus;
import io.taquilla.payment.refund.Refund;
import io.taquilla.payment.refund.Refunds;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies one stored Stripe event to its order's payment, on the processor's transaction: the
 * state change, the outbox row and the event's "processed" mark commit together. The payment row
 * is locked, so two events of one order (say {@code checkout.session.completed} and
 * {@code payment_intent.succeeded}) apply one after the other and only the first publishes.
 */
@Component
public class ApplyStripeSignal {

    private static final Logger log = LoggerFactory.getLogger(ApplyStripeSignal.class);

    /** How a stored event ended: outcome published, ignored, unmatched or unknown_type. */
    public record Result(UUID orderId, String outcome, String detail, UUID publishedEventId) {}

    private final PaymentAttempts attempts;
    private final Refunds refunds;
    private final Outbox outbox;

    public ApplyStripeSignal(PaymentAttempts attempts, Refunds refunds, Outbox outbox) {
        this.attempts = attempts;
        this.refunds = refunds;
        this.outbox = outbox;
    }

    public Result apply(Handle handle, String type, String payload) {
        StripeSignal signal = StripeEventTranslator.translate(type, payload);
        if (signal.kind() == StripeSignal.Kind.UNKNOWN) {
            return new Result(null, "unknown_type", signal.reason(), null);
        }
        UUID orderId = resolveOrder(handle, signal);
        if (orderId == null) {
            return new Result(null, "unmatched", "no payment for this " + type, null);
        }
        if (signal.kind() == StripeSignal.Kind.NOT_YET) {
            return new Result(orderId, "ignored", signal.reason(), null);
        }
        Optional<PaymentAttempt> attempt = attempts.lock(handle, orderId);
        if (signal.kind() == StripeSignal.Kind.REFUNDED) {
            return refunded(handle, orderId, attempt, signal);
        }
        if (attempt.isEmpty()) {
            return new Result(orderId, "unmatched", "no payment for order " + orderId, null);
        }
        if (signal.kind() == StripeSignal.Kind.DISPUTE_OPENED || signal.kind() == StripeSignal.Kind.DISPUTE_CLOSED) {
            return disputed(handle, attempt.get(), signal, payload);
        }
        if (signal.kind() == StripeSignal.Kind.PAID) {
            return paid(handle, attempt.get(), signal);
        }
        if (signal.kind() == StripeSignal.Kind.DECLINED) {
            PaymentStatus status = attempt.get().status();
            boolean open = status == PaymentStatus.AWAITING_SESSION || status == PaymentStatus.OPEN;
            return new Result(orderId, "ignored", PaymentLifecycle.declined(status).reason()
                    + (open && signal.reason() != null ? ": " + signal.reason() : ""), null);
        }
        PaymentDecision decision = PaymentLifecycle.failed(attempt.get().status());
        attempts.updateStatus(handle, orderId, decision.next());
        if (decision.effect() != PaymentDecision.Effect.PUBLISH_PAYMENT_FAILED) {
            return new Result(orderId, "ignored", decision.reason(), null);
        }
        return publish(handle, new PaymentFailed(UUID.randomUUID(), Instant.now(), orderId, signal.reason()));
    }

    private Result paid(Handle handle, PaymentAttempt attempt, StripeSignal signal) {
        if (signal.money() == null) {
            return new Result(attempt.orderId(), "ignored", "event carries no amount", null);
        }
        PaymentDecision decision = PaymentLifecycle.paid(attempt.status(), attempt.amount(), signal.money());
        if (decision.effect() == PaymentDecision.Effect.NONE) {
            return new Result(attempt.orderId(), "ignored", decision.reason(), null);
        }
        attempts.updateStatus(handle, attempt.orderId(), decision.next());
        attempts.recordCapture(handle, attempt.orderId(), signal.paymentIntentId(), signal.money());
        if (decision.effect() == PaymentDecision.Effect.PUBLISH_PAYMENT_FLAGGED) {
            log.warn("order {} flagged: {}", attempt.orderId(), decision.reason());
            return publish(handle, new PaymentFlagged(UUID.randomUUID(), Instant.now(), attempt.orderId(),
                    attempt.amount(), signal.money(), decision.reason()));
        }
        String intent = signal.paymentIntentId() != null ? signal.paymentIntentId() : attempt.paymentIntentId();
        return publish(handle, new PaymentSucceeded(UUID.randomUUID(), Instant.now(), attempt.orderId(),
                signal.money(), intent, "stripe"));
    }

    private Result refunded(Handle handle, UUID orderId, Optional<PaymentAttempt> attempt, StripeSignal signal) {
        if (attempt.isPresent() && signal.money() != null) {
            PaymentAttempts.RefundState state = attempts.refundState(handle, orderId);
            boolean full = signal.fullRefund() != null ? signal.fullRefund()
                    : signal.money().amountMinor() >= state.capturedMinor();
            if (!full) {
                return partiallyRefunded(handle, attempt.get(), signal, state);
            }
        }
        Optional<Refund> refund = refunds.find(handle, orderId);
        PaymentDecision decision;
        if (attempt.isPresent()) {
            decision = PaymentLifecycle.refunded(attempt.get().status());
            attempts.updateStatus(handle, orderId, decision.next());
        } else if (refund.isPresent() && !Refund.SUCCEEDED.equals(refund.get().status())) {
            decision = PaymentLifecycle.refunded(PaymentStatus.REFUND_PENDING);
        } else {
            return new Result(orderId, refund.isPresent() ? "ignored" : "unmatched",
                    refund.isPresent() ? "refund already confirmed" : "no payment or refund for order " + orderId, null);
        }
        if (decision.effect() != PaymentDecision.Effect.PUBLISH_PAYMENT_REFUNDED) {
            return new Result(orderId, "ignored", decision.reason(), null);
        }
        String refundId = refund.map(Refund::stripeRefundId).orElse(null);
        if (refundId == null) {
            refundId = signal.refundId() != null ? signal.refundId() : "unknown";
        }
        Money amount = signal.money() != null ? signal.money()
                : refund.map(Refund::amount).orElseGet(() -> attempt.get().amount());
        if (refund.isPresent()) {
            refunds.confirmed(handle, orderId, refundId);
        }
        long refundedBefore = attempt.isPresent() ? attempts.refundState(handle, orderId).refundedMinor() : 0;
        if (attempt.isPresent()) {
            attempts.recordRefunded(handle, orderId, amount.amountMinor());
        }
        // amount_refunded is cumulative: this refund paid back what was not refunded before.
        Money thisRefund = new Money(Math.max(0, amount.amountMinor() - refundedBefore), amount.currency());
        return publish(handle, new PaymentRefunded(UUID.randomUUID(), Instant.now(), orderId, thisRefund, refundId,
                refund.map(Refund::automatic).orElse(false), amount.amountMinor(), true));
    }

    /**
     * A partial refund (e.g. a goodwill amount from the Stripe Dashboard): recorded and published
     * with {@code fullyRefunded = false}; the payment stays captured and the order keeps its tickets.
     */
    private Result partiallyRefunded(Handle handle, PaymentAttempt attempt, StripeSignal signal,
                                     PaymentAttempts.RefundState state) {
        long now = signal.money().amountMinor();
        PaymentDecision decision = PaymentLifecycle.partiallyRefunded(attempt.status(), state.refundedMinor(), now);
        if (decision.effect() != PaymentDecision.Effect.PUBLISH_PAYMENT_REFUNDED) {
            return new Result(attempt.orderId(), "ignored", decision.reason(), null);
        }
        attempts.recordRefunded(handle, attempt.orderId(), now);
        String refundId = signal.refundId() != null ? signal.refundId() : "unknown";
        return publish(handle, new PaymentRefunded(UUID.randomUUID(), Instant.now(), attempt.orderId(),
                new Money(now - state.refundedMinor(), signal.money().currency()), refundId, false, now, false));
    }

    /**
     * A dispute opened or closed: told to order-service as it is (it flags the order and applies
     * its revoke policy); the payment's own state does not change, as Stripe keeps the charge.
     */
    private Result disputed(Handle handle, PaymentAttempt attempt, StripeSignal signal, String payload) {
        JsonObject dispute = StripeJson.dataObject(JsonParser.parseString(payload).getAsJsonObject());
        String disputeId = StripeJson.text(dispute, "id");
        String status = StripeJson.text(dispute, "status");
        if (disputeId == null || status == null) {
            return new Result(attempt.orderId(), "ignored", "dispute without id or status", null);
        }
        Money amount = signal.money() != null ? signal.money() : attempt.amount();
        return publish(handle, new PaymentDisputed(UUID.randomUUID(), Instant.now(), attempt.orderId(), disputeId,
                amount, signal.reason() != null ? signal.reason() : "general", status,
                signal.kind() == StripeSignal.Kind.DISPUTE_CLOSED));
    }

    private Result publish(Handle handle, PaymentEvent event) {
        outbox.append(handle, Topics.PAYMENTS_PAYMENT, event);
        return new Result(event.orderId(), "published", event.getClass().getSimpleName(), event.eventId());
    }

    private UUID resolveOrder(Handle handle, StripeSignal signal) {
        if (signal.orderId() != null) {
            return signal.orderId();
        }
        if (signal.sessionId() != null) {
            Optional<UUID> bySession = attempts.orderOfSession(handle, signal.sessionId());
            if (bySession.isPresent()) {
                return bySession.get();
            }
        }
        if (signal.paymentIntentId() != null) {
            Optional<UUID> byIntent = attempts.orderOfPaymentIntent(handle, signal.paymentIntentId());
            if (byIntent.isPresent()) {
                return byIntent.get();
            }
            return refunds.findByPaymentIntent(handle, signal.paymentIntentId()).map(Refund::orderId).orElse(null);
        }
        return null;
    }
}
