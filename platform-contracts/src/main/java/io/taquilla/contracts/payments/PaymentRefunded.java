package io.taquilla.contracts.payments;

import io.taquilla.contracts.common.Money;

import java.time.Instant;
import java.util.UUID;

/**
 * The provider confirmed a refund, in full or in part.
 *
 * @param amount              what this refund paid back
 * @param automatic           true for a refund the platform started itself (late payment, see OrderRejected)
 * @param amountRefundedMinor everything refunded on the payment so far, in {@code amount}'s currency
 *                            (added field: null from older producers, read as {@code amount})
 * @param fullyRefunded       whether the payment is now refunded in full, as Stripe's {@code charge.refunded}
 *                            says (added field: null from older producers, read as true)
 */
public record PaymentRefunded(
        UUID eventId,
        Instant occurredAt,
        UUID orderId,
        Money amount,
        String refundId,
        boolean automatic,
        Long amountRefundedMinor,
        Boolean fullyRefunded) implements PaymentEvent {

    /** A full refund, as producers wrote it before partial refunds existed. */
    public PaymentRefunded(UUID eventId, Instant occurredAt, UUID orderId, Money amount, String refundId,
                           boolean automatic) {
        this(eventId, occurredAt, orderId, amount, refundId, automatic, amount.amountMinor(), true);
    }

    /** False only when the producer said so: events from before partial refunds were always full. */
    public boolean full() {
        return fullyRefunded == null || fullyRefunded;
    }
}
