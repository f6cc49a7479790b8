package io.taquilla.identity.staff;

import io.taquilla.contracts.Topics;
import io.taquilla.contracts.identity.StaffInvited;
import io.taquilla.identity.IdentityProperties;
import io.taquilla.identity.account.OneTimeTokens;
import io.taquilla.identity.admin.Caller;
import io.taquilla.identity.organizer.Organizer;
import io.taquilla.identity.organizer.OrganizerStore;
import io.taquilla.identity.staff.domain.Role;
import io.taquilla.messaging.outbox.Outbox;
import io.taquilla.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * An admin invites someone by email with a role: the account exists as INVITED without a password,
 * and StaffInvited (with the single-use link) goes out for notification-service to email.
 */
@Component
public class InviteStaff {

    public record Invitation(String email, String name, Role role, UUID organizerId, List<UUID> events) {}

    private final Jdbi jdbi;
    private final StaffStore staff;
    private final OrganizerStore organizers;
    private final OneTimeTokens tokens;
    private final Outbox outbox;
    private final IdentityProperties properties;
    private final Clock clock;

    public InviteStaff(Jdbi jdbi, StaffStore staff, OrganizerStore organizers, OneTimeTokens tokens, Outbox outbox,
                       IdentityProperties properties, Clock clock) {
        this.jdbi = jdbi;
        this.staff = staff;
        this.organizers = organizers;
        this.tokens = tokens;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    public StaffAccount invite(Caller caller, Invitation invitation) {
        UUID organizerId = invitation.role().scopedToOrganizer() ? caller.targetOrganizer(invitation.organizerId()) : null;
        if (invitation.role() == Role.PLATFORM_ADMIN) {
            caller.requirePlatformAdmin();
        } else if (organizerId == null) {
            throw ApiProblem.badRequest("validation", "organizerId is required for the role " + invitation.role().wire());
        }
        if (invitation.events() != null && invitation.role() != Role.DOOR) {
            throw ApiProblem.badRequest("validation", "events can only narrow a door account");
        }
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> {
            Organizer organizer = organizerId == null ? null : organizers.find(handle, organizerId)
                    .orElseThrow(() -> ApiProblem.notFound("Organizer", organizerId));
            if (staff.findByEmail(handle, invitation.email()).isPresent()) {
                throw new ApiProblem(HttpStatus.CONFLICT, "staff-exists", "Already staff",
                        "There is already an account for " + invitation.email());
            }
            StaffAccount account = new StaffAccount(UUID.randomUUID(), invitation.email().strip(), invitation.name().strip(),
                    invitation.role(), organizerId, invitation.events(), null, "INVITED", now);
            staff.insert(handle, account, now);
            String token = tokens.issue(handle, account.id(), OneTimeTokens.Purpose.INVITATION, properties.invitationTtl(), now);
            outbox.append(handle, Topics.IDENTITY_STAFF, new StaffInvited(UUID.randomUUID(), now, account.id(), organizerId,
                    organizer == null ? null : organizer.name(), account.email(), account.name(), account.role().wire(),
                    caller.display(), properties.publicBaseUrl() + "/api/identity/invitations/" + token,
                    now.plus(properties.invitationTtl())));
            return account;
        });
    }
}
