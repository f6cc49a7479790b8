package io.taquilla.contracts.payments;

import io.taquilla.contracts.common.Money;

import java.time.Instant;
import java.util.UUID;

/** A payment that does not match its order (amount or currency differ) and needs a human. */
public record PaymentFlagged(
        UUID eventId,
        Instant occurredAt,
        UUID orderId,
        Money expected,
        Money received,
        String reason) implements PaymentEvent {
}
