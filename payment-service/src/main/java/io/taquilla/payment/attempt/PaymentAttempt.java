package io.taquilla.payment.attempt;

import io.taquilla.contracts.common.Money;
import io.taquilla.contracts.ordering.OrderLine;
import io.taquilla.payment.attempt.domain.PaymentStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A row of {@code payment_attempts}: one order's payment. */
public record PaymentAttempt(UUID orderId, UUID catalogEventId, Money amount, String customerEmail,
                             List<OrderLine> lines, Instant holdExpiresAt, Instant sessionExpiresAt,
                             PaymentStatus status, String sessionId, String checkoutUrl, String paymentIntentId) {
}
