package io.taquilla.identity.seed;

import io.taquilla.identity.organizer.OrganizerStore;
import io.taquilla.identity.staff.StaffAccount;
import io.taquilla.identity.staff.StaffStore;
import io.taquilla.identity.staff.domain.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the configured organizers and accounts that do not exist yet; never changes existing
 * ones (so a seeded password changed later stays changed). The bootstrap admin is only created
 * while there is no platform admin at all.
 */
@Component
class SeedAccounts {

    private static final Logger log = LoggerFactory.getLogger(SeedAccounts.class);

    private final SeedProperties seed;
    private final Jdbi jdbi;
    private final OrganizerStore organizers;
    private final StaffStore staff;
    private final PasswordEncoder passwords;
    private final Clock clock;

    SeedAccounts(SeedProperties seed, Jdbi jdbi, OrganizerStore organizers, StaffStore staff, PasswordEncoder passwords,
                 Clock clock) {
        this.seed = seed;
        this.jdbi = jdbi;
        this.organizers = organizers;
        this.staff = staff;
        this.passwords = passwords;
        this.clock = clock;
    }

    @EventListener(ApplicationStartedEvent.class)
    void seed() {
        Instant now = clock.instant();
        jdbi.useTransaction(handle -> {
            seed.organizers().forEach(o -> organizers.insert(handle, o.id(), o.name(), now));
            seed.staff().forEach(s -> create(handle, s, now));
            SeedProperties.SeedStaff admin = seed.bootstrapAdmin();
            if (admin != null && admin.email() != null && !admin.email().isBlank() && !staff.anyPlatformAdmin(handle)) {
                create(handle, new SeedProperties.SeedStaff(admin.email(), admin.name() == null ? "Platform admin" : admin.name(),
                        admin.password(), Role.PLATFORM_ADMIN.wire(), null, null), now);
            }
        });
    }

    private void create(org.jdbi.v3.core.Handle handle, SeedProperties.SeedStaff s, Instant now) {
        if (staff.findByEmail(handle, s.email()).isPresent()) {
            return;
        }
        if (s.password() == null || s.password().length() < 12) {
            throw new IllegalStateException("seeded account " + s.email() + " needs a password of at least 12 characters");
        }
        Role role = Role.fromWire(s.role()).orElseThrow(() -> new IllegalStateException("unknown role " + s.role()));
        staff.insert(handle, new StaffAccount(UUID.randomUUID(), s.email(), s.name(), role,
                role.scopedToOrganizer() ? s.organizerId() : null, s.events(), passwords.encode(s.password()), "ACTIVE", now), now);
        log.info("seeded {} account {}", role.wire(), s.email());
    }
}
