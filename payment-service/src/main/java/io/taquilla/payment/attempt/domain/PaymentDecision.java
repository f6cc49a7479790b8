package io.taquilla.payment.attempt.domain;

/**
 * What a signal does to a payment: the state afterwards and the one effect to carry out.
 *
 * @param reason why, in words, for the stored outcome of a webhook and for logs
 */
public record PaymentDecision(PaymentStatus next, Effect effect, String reason) {

    /** What the caller must do besides storing {@link #next()}. */
    public enum Effect {
        NONE,
        PUBLISH_CHECKOUT_SESSION_CREATED,
        PUBLISH_PAYMENT_SUCCEEDED,
        PUBLISH_PAYMENT_FAILED,
        PUBLISH_PAYMENT_FLAGGED,
        PUBLISH_PAYMENT_REFUNDED,
        EXPIRE_SESSION,
        REQUEST_REFUND
    }

    static PaymentDecision ignore(PaymentStatus current, String reason) {
        return new PaymentDecision(current, Effect.NONE, reason);
    }

    public boolean changes(PaymentStatus current) {
        return next != current || effect != Effect.NONE;
    }
}
