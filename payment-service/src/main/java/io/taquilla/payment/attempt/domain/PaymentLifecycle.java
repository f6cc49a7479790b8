package io.taquilla.payment.attempt.domain;

import io.taquilla.contracts.common.Money;
import java.util.Locale;

/**
 * The payment state machine. Every Stripe signal and order event goes through here, in any order
 * and any number of times; a signal that would move the payment backwards, or repeats what is
 * already known, is ignored with a reason instead of publishing a second event.
 */
public final class PaymentLifecycle {

    private PaymentLifecycle() {
    }

    /** Stripe created the checkout session. */
    public static PaymentDecision sessionCreated(PaymentStatus current) {
        if (current == PaymentStatus.AWAITING_SESSION) {
            return new PaymentDecision(PaymentStatus.OPEN, PaymentDecision.Effect.PUBLISH_CHECKOUT_SESSION_CREATED,
                    "checkout session open");
        }
        if (current == PaymentStatus.CANCELLED) {
            return new PaymentDecision(current, PaymentDecision.Effect.EXPIRE_SESSION,
                    "order closed while the session was being created");
        }
        return PaymentDecision.ignore(current, "session already known");
    }

    /**
     * Stripe captured {@code received}. A capture after failure or cancellation still counts: the
     * buyer paid, and order-service decides between re-acquiring the tickets and refunding.
     */
    public static PaymentDecision paid(PaymentStatus current, Money expected, Money received) {
        if (current.settled()) {
            return PaymentDecision.ignore(current, "payment already " + name(current));
        }
        if (!matches(expected, received)) {
            return new PaymentDecision(PaymentStatus.FLAGGED, PaymentDecision.Effect.PUBLISH_PAYMENT_FLAGGED,
                    "received " + format(received) + " but the order is " + format(expected));
        }
        return new PaymentDecision(PaymentStatus.SUCCEEDED, PaymentDecision.Effect.PUBLISH_PAYMENT_SUCCEEDED, "paid");
    }

    /** A payment attempt failed or the session expired at Stripe. */
    public static PaymentDecision failed(PaymentStatus current) {
        if (current == PaymentStatus.AWAITING_SESSION || current == PaymentStatus.OPEN) {
            return new PaymentDecision(PaymentStatus.FAILED, PaymentDecision.Effect.PUBLISH_PAYMENT_FAILED, "payment failed");
        }
        return PaymentDecision.ignore(current, "payment already " + name(current));
    }

    /**
     * One card was declined on the Checkout page. The session stays open and the buyer may try
     * another card, so nothing ends: only the session's expiry (or the order's hold) does.
     */
    public static PaymentDecision declined(PaymentStatus current) {
        if (current == PaymentStatus.AWAITING_SESSION || current == PaymentStatus.OPEN) {
            return PaymentDecision.ignore(current, "declined; the checkout session stays open for another try");
        }
        return PaymentDecision.ignore(current, "payment already " + name(current));
    }

    /** The order expired or was cancelled: close the checkout unless the buyer already paid. */
    public static PaymentDecision orderClosed(PaymentStatus current) {
        if (current == PaymentStatus.AWAITING_SESSION) {
            return new PaymentDecision(PaymentStatus.CANCELLED, PaymentDecision.Effect.NONE,
                    "order closed before its session was created");
        }
        if (current == PaymentStatus.OPEN || current == PaymentStatus.FAILED) {
            return new PaymentDecision(PaymentStatus.CANCELLED, PaymentDecision.Effect.EXPIRE_SESSION, "order closed");
        }
        return PaymentDecision.ignore(current, "payment already " + name(current));
    }

    /** Order-service asked for the money back (admin refund or payment after the hold was lost). */
    public static PaymentDecision refundRequested(PaymentStatus current) {
        if (current == PaymentStatus.REFUND_PENDING || current == PaymentStatus.REFUNDED) {
            return PaymentDecision.ignore(current, "refund already " + name(current));
        }
        return new PaymentDecision(PaymentStatus.REFUND_PENDING, PaymentDecision.Effect.REQUEST_REFUND, "refund requested");
    }

    /** Stripe confirmed a full refund ({@code charge.refunded}). Terminal. */
    public static PaymentDecision refunded(PaymentStatus current) {
        if (current == PaymentStatus.REFUNDED) {
            return PaymentDecision.ignore(current, "refund already confirmed");
        }
        return new PaymentDecision(PaymentStatus.REFUNDED, PaymentDecision.Effect.PUBLISH_PAYMENT_REFUNDED, "refunded");
    }

    /**
     * Stripe confirmed a partial refund: {@code refundedNow} is the charge's cumulative
     * {@code amount_refunded}. The payment stays as it is (the order keeps its tickets); only an
     * increase over what was already recorded is news, so redelivered or reordered events publish
     * nothing.
     */
    public static PaymentDecision partiallyRefunded(PaymentStatus current, long refundedBefore, long refundedNow) {
        if (current == PaymentStatus.REFUNDED) {
            return PaymentDecision.ignore(current, "refund already confirmed");
        }
        if (refundedNow <= refundedBefore) {
            return PaymentDecision.ignore(current, "partial refund already recorded");
        }
        return new PaymentDecision(current, PaymentDecision.Effect.PUBLISH_PAYMENT_REFUNDED, "partially refunded");
    }

    /** Stripe speaks lower-case currency codes, Taquilla upper-case ISO 4217. */
    public static boolean matches(Money expected, Money received) {
        return expected.amountMinor() == received.amountMinor()
                && expected.currency().equalsIgnoreCase(received.currency());
    }

    private static String format(Money money) {
        return money.amountMinor() + " " + money.currency().toUpperCase(Locale.ROOT);
    }

    private static String name(PaymentStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
