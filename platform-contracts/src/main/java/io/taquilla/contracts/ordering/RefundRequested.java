package io.taquilla.contracts.ordering;

import io.taquilla.contracts.common.Money;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An admin (or the event cancellation saga) asked to refund a paid order, in full or in part;
 * payment-service refunds it through the provider.
 *
 * @param amount    what to pay back now (the whole remaining amount for a full refund)
 * @param ticketIds the tickets this refund pays for, revoked once the money is back (added field:
 *                  null for an amount-only or full refund)
 * @param full      whether this refund closes the order: every ticket revoked, every unit back on sale
 *                  (added field: null from older producers, read as true)
 */
public record RefundRequested(
        UUID eventId,
        Instant occurredAt,
        UUID orderId,
        Money amount,
        String paymentIntentId,
        String reason,
        List<UUID> ticketIds,
        Boolean full) implements OrderEvent {

    /** A full refund, as producers wrote it before partial refunds existed. */
    public RefundRequested(UUID eventId, Instant occurredAt, UUID orderId, Money amount, String paymentIntentId,
                           String reason) {
        this(eventId, occurredAt, orderId, amount, paymentIntentId, reason, null, true);
    }

    public boolean fullRefund() {
        return full == null || full;
    }
}
