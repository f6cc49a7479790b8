package io.taquilla.contracts.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone was invited to staff an organizer (or to run the platform); the email carries
 * {@code acceptUrl}, a single-use link that sets the password and activates the account.
 *
 * @param organizerId   the organizer the role is scoped to; null for a platform admin
 * @param organizerName the organizer's display name; null for a platform admin
 * @param role          {@code platform-admin}, {@code organizer-admin}, {@code organizer-staff} or {@code door}
 * @param invitedBy     display name (or email) of whoever sent the invitation
 * @param acceptUrl     the invitation link (contains a secret token: never log it)
 * @param expiresAt     when the link stops working
 */
public record StaffInvited(
        UUID eventId,
        Instant occurredAt,
        UUID staffId,
        UUID organizerId,
        String organizerName,
        String email,
        String name,
        String role,
        String invitedBy,
        String acceptUrl,
        Instant expiresAt) implements StaffEvent {
}
