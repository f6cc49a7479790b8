package io.taquilla.identity.account;

import io.taquilla.identity.IdentityProperties;
import io.taquilla.identity.organizer.OrganizerStore;
import io.taquilla.identity.staff.StaffAccount;
import io.taquilla.identity.staff.StaffStore;
import io.taquilla.identity.staff.domain.PasswordPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Following an invitation or reset link: the link is checked (known, unused, unexpired), the
 * password against the policy, and then it is set, the account active and the link spent, in one
 * transaction. A reset also lifts a login lock on the address.
 */
@Component
public class SetPassword {

    /** What an invitation link offers, for the page or JSON that shows it. */
    public record InvitationView(String email, String name, String role, UUID organizerId, String organizerName) {}

    private final Jdbi jdbi;
    private final OneTimeTokens tokens;
    private final StaffStore staff;
    private final OrganizerStore organizers;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final Clock clock;

    public SetPassword(Jdbi jdbi, OneTimeTokens tokens, StaffStore staff, OrganizerStore organizers, PasswordEncoder passwords,
                       IdentityProperties properties, Clock clock) {
        this.jdbi = jdbi;
        this.tokens = tokens;
        this.staff = staff;
        this.organizers = organizers;
        this.passwords = passwords;
        this.policy = new PasswordPolicy(properties.passwordMinLength());
        this.clock = clock;
    }

    public InvitationView invitation(String token) {
        return jdbi.inTransaction(handle -> {
            StaffAccount account = valid(handle, token, OneTimeTokens.Purpose.INVITATION);
            String organizerName = account.organizerId() == null ? null
                    : organizers.find(handle, account.organizerId()).map(o -> o.name()).orElse(null);
            return new InvitationView(account.email(), account.name(), account.role().wire(), account.organizerId(), organizerName);
        });
    }

    /** Checks a reset link without spending it (for the page that asks for the new password). */
    public String resetEmail(String token) {
        return jdbi.inTransaction(handle -> valid(handle, token, OneTimeTokens.Purpose.PASSWORD_RESET).email());
    }

    public StaffAccount set(String token, OneTimeTokens.Purpose purpose, String password) {
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> {
            StaffAccount account = valid(handle, token, purpose);
            policy.check(password, account.email()).ifPresent(reason -> {
                throw AccountProblems.weakPassword(reason);
            });
            staff.activate(handle, account.id(), passwords.encode(password), now);
            tokens.markUsed(handle, token, now);
            if (purpose == OneTimeTokens.Purpose.PASSWORD_RESET) {
                handle.createUpdate("delete from login_throttle where email = lower(:email)").bind("email", account.email()).execute();
            }
            return staff.find(handle, account.id()).orElseThrow();
        });
    }

    private StaffAccount valid(org.jdbi.v3.core.Handle handle, String token, OneTimeTokens.Purpose purpose) {
        OneTimeTokens.Lookup lookup = tokens.find(handle, token, purpose, clock.instant());
        if (lookup.state() != OneTimeTokens.State.VALID) {
            throw AccountProblems.link(lookup.state());
        }
        return staff.find(handle, lookup.staffId()).filter(a -> !"REMOVED".equals(a.status()))
                .orElseThrow(() -> AccountProblems.link(OneTimeTokens.State.UNKNOWN));
    }
}
