package io.taquilla.payment.refund;

import io.taquilla.contracts.common.Money;
import java.util.UUID;

/** A row of {@code refunds}: the one full refund of an order. */
public record Refund(UUID orderId, Money amount, String paymentIntentId, String reason, boolean automatic,
                     String status, String stripeRefundId) {

    public static final String REQUESTED = "requested";
    public static final String SUBMITTED = "submitted";
    public static final String SUCCEEDED = "succeeded";
    public static final String REJECTED = "rejected";
}
