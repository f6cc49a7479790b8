package io.taquilla.contracts.payments;

import java.time.Instant;
import java.util.UUID;

/** A hosted checkout page exists for the order; order-service hands {@code checkoutUrl} to the buyer. */
public record CheckoutSessionCreated(
        UUID eventId,
        Instant occurredAt,
        UUID orderId,
        String sessionId,
        String checkoutUrl,
        Instant expiresAt) implements PaymentEvent {
}
