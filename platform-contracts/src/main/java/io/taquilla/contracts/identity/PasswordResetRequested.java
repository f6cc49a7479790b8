package io.taquilla.contracts.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A staff member asked to reset their password; the email carries {@code resetUrl}, a single-use
 * link. Requests for unknown addresses publish nothing.
 *
 * @param resetUrl  the reset link (contains a secret token: never log it)
 * @param expiresAt when the link stops working
 */
public record PasswordResetRequested(
        UUID eventId,
        Instant occurredAt,
        UUID staffId,
        String email,
        String name,
        String resetUrl,
        Instant expiresAt) implements StaffEvent {
}
