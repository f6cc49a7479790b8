package io.taquilla.identity.login;

import io.taquilla.identity.IdentityProperties;
import io.taquilla.identity.staff.StaffStore;
import io.taquilla.identity.staff.domain.LoginLock;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

/**
 * Counts wrong passwords per address, known or unknown alike, and locks an address after too many
 * in a row; so "locked" says nothing about whether the address has an account.
 */
@Component
public class LoginThrottle {

    private final Jdbi jdbi;
    private final LoginLock lock;
    private final Clock clock;

    public LoginThrottle(Jdbi jdbi, IdentityProperties properties, Clock clock) {
        this.jdbi = jdbi;
        this.lock = new LoginLock(properties.lockout().maxFailures(), properties.lockout().duration());
        this.clock = clock;
    }

    /** When the address is locked until, or null. */
    public Instant lockedUntil(String email) {
        Instant now = clock.instant();
        return jdbi.withHandle(h -> h.createQuery("select locked_until from login_throttle where email = :email")
                .bind("email", key(email)).mapTo(OffsetDateTime.class).findOne()
                .map(OffsetDateTime::toInstant).filter(until -> lock.isLocked(until, now)).orElse(null));
    }

    /** Records a wrong password; returns the lock it caused (or null). */
    public Instant failed(String email) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            record Row(int failures, OffsetDateTime lockedUntil) {}
            Row row = h.createQuery("select failures, locked_until from login_throttle where email = :email for update")
                    .bind("email", key(email))
                    .map((rs, ctx) -> new Row(rs.getInt("failures"), rs.getObject("locked_until", OffsetDateTime.class)))
                    .findOne().orElse(new Row(0, null));
            int failures = lock.failuresAfterWrongPassword(row.failures(),
                    row.lockedUntil() == null ? null : row.lockedUntil().toInstant(), now);
            Instant until = lock.lockedUntil(failures, now);
            h.createUpdate("""
                    insert into login_throttle (email, failures, locked_until, last_failure) values (:email, :failures, :until, :now)
                    on conflict (email) do update set failures = excluded.failures, locked_until = excluded.locked_until,
                                                      last_failure = excluded.last_failure
                    """)
                    .bind("email", key(email)).bind("failures", failures).bind("until", StaffStore.utc(until))
                    .bind("now", StaffStore.utc(now)).execute();
            return until;
        });
    }

    public void succeeded(String email) {
        jdbi.useHandle(h -> h.createUpdate("delete from login_throttle where email = :email").bind("email", key(email)).execute());
    }

    private static String key(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
