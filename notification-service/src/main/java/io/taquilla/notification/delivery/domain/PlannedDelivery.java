package io.taquilla.notification.delivery.domain;

import java.util.UUID;

/** A message an event calls for: to whom, about which order, on which channel. */
public record PlannedDelivery(UUID orderId, DeliveryKind kind, Channel channel, String recipient) {
}
