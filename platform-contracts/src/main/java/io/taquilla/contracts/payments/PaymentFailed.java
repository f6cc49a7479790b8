package io.taquilla.contracts.payments;

import java.time.Instant;
import java.util.UUID;

/** The payment attempt failed or its checkout session expired; the order's hold can be released. */
public record PaymentFailed(UUID eventId, Instant occurredAt, UUID orderId, String reason) implements PaymentEvent {
}
