package io.taquilla.notification.delivery.domain;

/** How a delivery reaches the buyer. */
public enum Channel {
    EMAIL,
    SMS
}
