package io.taquilla.contracts.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A door login through the {@code door-app} client registered a device; its id travels in the
 * {@code device_id} claim of that device's tokens.
 *
 * @param name the name the device gave ({@code device_name}), or a default
 */
public record DeviceRegistered(
        UUID eventId,
        Instant occurredAt,
        UUID staffId,
        UUID deviceId,
        UUID organizerId,
        String name) implements StaffEvent {
}
