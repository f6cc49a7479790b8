package io.taquilla.identity.staff;

import io.taquilla.identity.staff.domain.Role;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A staff account as stored.
 *
 * @param organizerId null for a platform admin
 * @param events      door accounts only: the events it may admit at; null means every event of the organizer
 * @param status      {@code INVITED}, {@code ACTIVE} or {@code REMOVED}
 */
public record StaffAccount(UUID id, String email, String name, Role role, UUID organizerId, List<UUID> events,
                           String passwordHash, String status, Instant createdAt) {

    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
