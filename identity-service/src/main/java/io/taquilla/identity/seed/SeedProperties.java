package io.taquilla.identity.seed;

import java.util.List;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code taquilla.identity.seed.*}: organizers and accounts created at start-up when missing. The
 * local stack seeds its demo organizer and logins this way; production uses only
 * {@code bootstrap-admin} (env {@code TAQUILLA_BOOTSTRAP_ADMIN_EMAIL} / {@code _PASSWORD}) once,
 * to get the first platform admin, who then invites everyone else.
 */
@ConfigurationProperties("taquilla.identity.seed")
public record SeedProperties(List<SeedOrganizer> organizers, List<SeedStaff> staff, SeedStaff bootstrapAdmin) {

    public SeedProperties {
        organizers = organizers == null ? List.of() : organizers;
        staff = staff == null ? List.of() : staff;
    }

    public record SeedOrganizer(UUID id, String name) {}

    /** @param role wire name; organizerId null for a platform admin */
    public record SeedStaff(String email, String name, String password, String role, UUID organizerId, List<UUID> events) {}
}
