package io.taquilla.payment.provider;

/** Stripe's answer to a refund request; it is confirmed later by {@code charge.refunded}. */
public record SubmittedRefund(String refundId, String status) {
}
