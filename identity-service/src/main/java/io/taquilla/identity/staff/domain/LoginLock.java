package io.taquilla.identity.staff.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Lockout arithmetic: after {@code maxFailures} wrong passwords in a row an address is locked for
 * {@code duration}; a failure after the lock expired starts counting again.
 */
public record LoginLock(int maxFailures, Duration duration) {

    /** The failures to store after one more wrong password, given what was stored. */
    public int failuresAfterWrongPassword(int storedFailures, Instant lockedUntil, Instant now) {
        boolean lockExpired = lockedUntil != null && !lockedUntil.isAfter(now);
        return (lockExpired ? 0 : storedFailures) + 1;
    }

    /** When the address is locked until after {@code failures} wrong passwords, or null. */
    public Instant lockedUntil(int failures, Instant now) {
        return failures >= maxFailures ? now.plus(duration) : null;
    }

    public boolean isLocked(Instant lockedUntil, Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
