package io.taquilla.contracts.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * A delivery (one message on one channel) changed status.
 *
 * @param kind     {@code TICKETS}, {@code ORDER_EXPIRED}, {@code REFUND} or {@code LATE_PAYMENT_REFUNDED}
 * @param channel  {@code EMAIL} or {@code SMS}
 * @param status   {@code SENT}, {@code FAILED}, {@code SKIPPED} or {@code RETRYING}
 * @param attempts attempts made so far (0 when skipped)
 * @param detail   human-readable outcome, e.g. the provider message id or the last error
 */
public record DeliveryStatusChanged(
        UUID eventId,
        Instant occurredAt,
        UUID deliveryId,
        UUID orderId,
        String kind,
        String channel,
        String status,
        int attempts,
        String detail) implements DeliveryEvent {
}
