package io.taquilla.identity;

import io.taquilla.identity.organizer.OrganizerStore;
import io.taquilla.identity.staff.StaffAccount;
import io.taquilla.identity.staff.StaffStore;
import io.taquilla.identity.staff.domain.Role;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Organizers and active accounts written straight to the database, for tests that need someone to log in. */
@Component
public class Fixtures {

    public static final String PASSWORD = "correct horse battery staple";

    private final Jdbi jdbi;
    private final OrganizerStore organizers;
    private final StaffStore staff;
    private final PasswordEncoder passwords;

    public Fixtures(Jdbi jdbi, OrganizerStore organizers, StaffStore staff, PasswordEncoder passwords) {
        this.jdbi = jdbi;
        this.organizers = organizers;
        this.staff = staff;
        this.passwords = passwords;
    }

    public UUID organizer(String name) {
        UUID id = UUID.randomUUID();
        jdbi.useHandle(h -> organizers.insert(h, id, name, Instant.now()));
        return id;
    }

    public StaffAccount account(Role role, UUID organizerId, List<UUID> events) {
        String email = role.wire() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@perreoproductions.com";
        StaffAccount account = new StaffAccount(UUID.randomUUID(), email, "Test " + role.wire(), role,
                role == Role.PLATFORM_ADMIN ? null : organizerId, events, passwords.encode(PASSWORD), "ACTIVE", Instant.now());
        jdbi.useHandle(h -> staff.insert(h, account, Instant.now()));
        return account;
    }
}
