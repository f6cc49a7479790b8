package io.taquilla.notification.admin;

import io.taquilla.notification.delivery.Deliveries;
import io.taquilla.notification.delivery.Delivery;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A delivery as the admin API shows it, with every attempt. The stored event payload is left out. */
public record DeliveryView(
        UUID id,
        UUID orderId,
        String kind,
        String channel,
        String recipient,
        String status,
        int attempts,
        int resends,
        Instant nextAttemptAt,
        String lastError,
        String providerId,
        UUID sourceEventId,
        String sourceEventType,
        Instant createdAt,
        Instant updatedAt,
        Instant sentAt,
        List<Deliveries.AttemptRow> attemptLog) {

    static DeliveryView of(Delivery d, List<Deliveries.AttemptRow> attempts) {
        return new DeliveryView(d.id(), d.orderId(), d.kind().name(), d.channel().name(), d.recipient(), d.status().name(),
                d.attempts(), d.resends(), d.status().isFinal() ? null : d.nextAttemptAt(), d.lastError(), d.providerId(),
                d.sourceEventId(), d.sourceEventType(), d.createdAt(), d.updatedAt(), d.sentAt(), attempts);
    }
}
