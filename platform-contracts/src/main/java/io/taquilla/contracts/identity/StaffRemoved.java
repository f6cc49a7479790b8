package io.taquilla.contracts.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A staff account was removed: it can no longer log in, and its refresh tokens and devices are revoked.
 *
 * @param organizerId null for a platform admin
 * @param removedBy   subject of the admin who removed it
 */
public record StaffRemoved(
        UUID eventId,
        Instant occurredAt,
        UUID staffId,
        UUID organizerId,
        String removedBy) implements StaffEvent {
}
