package io.taquilla.contracts.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * An admin changed a staff member's role. Tokens already issued keep their old roles until they
 * expire (at most one access-token lifetime).
 *
 * @param organizerId null for a platform admin
 * @param role        the new role
 * @param changedBy   subject (staff id or client id) of the admin who changed it
 */
public record StaffRoleChanged(
        UUID eventId,
        Instant occurredAt,
        UUID staffId,
        UUID organizerId,
        String role,
        String changedBy) implements StaffEvent {
}
