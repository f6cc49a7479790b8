package io.taquilla.notification.delivery;

import io.taquilla.notification.delivery.domain.Channel;
import io.taquilla.notification.delivery.domain.DeliveryKind;
import io.taquilla.notification.delivery.domain.DeliveryStatus;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code delivery}: one message to one buyer on one channel, and where it stands. */
public record Delivery(
        UUID id,
        UUID orderId,
        DeliveryKind kind,
        Channel channel,
        String recipient,
        DeliveryStatus status,
        int attempts,
        int resends,
        Instant nextAttemptAt,
        UUID sourceEventId,
        String sourceEventType,
        String payload,
        String lastError,
        String providerId,
        Instant createdAt,
        Instant updatedAt,
        Instant sentAt) {
}
