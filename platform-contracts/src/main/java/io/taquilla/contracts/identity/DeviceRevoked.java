package io.taquilla.contracts.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * An admin revoked a door device ("lost phone"): its refresh tokens are gone, and scanners may
 * refuse its {@code device_id} at once instead of waiting for its last access token to expire.
 *
 * @param revokedBy subject of the admin who revoked it
 */
public record DeviceRevoked(
        UUID eventId,
        Instant occurredAt,
        UUID staffId,
        UUID deviceId,
        UUID organizerId,
        String revokedBy) implements StaffEvent {
}
