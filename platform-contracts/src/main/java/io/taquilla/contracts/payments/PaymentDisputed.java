package io.taquilla.contracts.payments;

import io.taquilla.contracts.common.Money;

import java.time.Instant;
import java.util.UUID;

/**
 * The buyer's bank disputed the payment ({@code charge.dispute.created}) or the dispute ended
 * ({@code charge.dispute.closed}).
 *
 * @param status Stripe's dispute status: e.g. {@code needs_response}, {@code won}, {@code lost}
 * @param closed true for the end of the dispute, false when it was opened
 */
public record PaymentDisputed(
        UUID eventId,
        Instant occurredAt,
        UUID orderId,
        String disputeId,
        Money amount,
        String reason,
        String status,
        boolean closed) implements PaymentEvent {
}
