package io.taquilla.notification.delivery.domain;

/**
 * The life of a delivery. {@code PENDING} and {@code RETRYING} wait for the dispatcher;
 * {@code SENDING} is claimed (committed before the provider is called, so a crash leaves a trace);
 * {@code SENT}, {@code FAILED} and {@code SKIPPED} are final until an admin asks for a resend.
 */
public enum DeliveryStatus {
    PENDING,
    SENDING,
    RETRYING,
    SENT,
    FAILED,
    SKIPPED;

    public boolean isFinal() {
        return this == SENT || this == FAILED || this == SKIPPED;
    }
}
