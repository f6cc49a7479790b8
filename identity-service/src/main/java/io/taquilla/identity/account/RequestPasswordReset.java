package io.taquilla.identity.account;

import io.taquilla.contracts.Topics;
import io.taquilla.contracts.identity.PasswordResetRequested;
import io.taquilla.identity.IdentityProperties;
import io.taquilla.identity.staff.StaffAccount;
import io.taquilla.identity.staff.StaffStore;
import io.taquilla.messaging.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

/**
 * "Forgotten your password?": an active account gets a reset link by email (PasswordResetRequested);
 * an unknown or inactive address gets nothing, and the caller cannot tell the difference.
 */
@Component
public class RequestPasswordReset {

    private final Jdbi jdbi;
    private final StaffStore staff;
    private final OneTimeTokens tokens;
    private final Outbox outbox;
    private final IdentityProperties properties;
    private final Clock clock;

    public RequestPasswordReset(Jdbi jdbi, StaffStore staff, OneTimeTokens tokens, Outbox outbox,
                                IdentityProperties properties, Clock clock) {
        this.jdbi = jdbi;
        this.staff = staff;
        this.tokens = tokens;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    public void request(String email) {
        if (email == null || email.isBlank() || email.length() > 254) {
            return;
        }
        Instant now = clock.instant();
        jdbi.useTransaction(handle -> {
            StaffAccount account = staff.findByEmail(handle, email.strip()).filter(StaffAccount::active).orElse(null);
            if (account == null) {
                return;
            }
            String token = tokens.issue(handle, account.id(), OneTimeTokens.Purpose.PASSWORD_RESET, properties.passwordResetTtl(), now);
            outbox.append(handle, Topics.IDENTITY_STAFF, new PasswordResetRequested(UUID.randomUUID(), now, account.id(),
                    account.email(), account.name(), properties.publicBaseUrl() + "/api/identity/password-resets/" + token,
                    now.plus(properties.passwordResetTtl())));
        });
    }
}
