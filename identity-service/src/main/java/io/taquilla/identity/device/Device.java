package io.taquilla.identity.device;

import java.time.Instant;
import java.util.UUID;

/** A registered door device; {@code revokedAt} set means its refresh tokens are gone and it is refused. */
public record Device(UUID id, UUID organizerId, UUID staffId, String staffEmail, String name, String authorizationId,
                     Instant registeredAt, Instant lastSeenAt, Instant revokedAt, String revokedBy) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
