package io.taquilla.payment.attempt.domain;

/**
 * Where one order's payment stands. The rank orders the states so that a late or replayed Stripe
 * event can never move a payment back: a refunded payment stays refunded when its
 * {@code payment_intent.succeeded} arrives afterwards.
 */
public enum PaymentStatus {
    /** The order arrived; the checkout session is not created yet. */
    AWAITING_SESSION(0),
    /** The buyer can pay on the checkout page. */
    OPEN(1),
    /** A payment attempt failed or the session expired; the buyer may still pay on an open session. */
    FAILED(2),
    /** The order expired or was cancelled before payment; the session is expired by us. */
    CANCELLED(2),
    /** The money was captured and matched the order. */
    SUCCEEDED(3),
    /** The money was captured but did not match the order; a human looks at it. */
    FLAGGED(3),
    /** A refund was sent to Stripe and awaits its {@code charge.refunded}. */
    REFUND_PENDING(4),
    /** Stripe confirmed the refund. */
    REFUNDED(5);

    private final int rank;

    PaymentStatus(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    /** Money was taken (whether or not it matched): success, flag or refund. */
    public boolean settled() {
        return rank >= SUCCEEDED.rank;
    }
}
