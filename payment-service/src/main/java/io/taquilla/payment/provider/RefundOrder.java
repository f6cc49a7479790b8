package io.taquilla.payment.provider;

import io.taquilla.contracts.common.Money;
import java.util.UUID;

/** A full refund of one order's payment intent. */
public record RefundOrder(UUID orderId, String paymentIntentId, Money amount, String reason, String idempotencyKey) {
}
