package io.taquilla.identity.account;

import io.taquilla.identity.staff.StaffStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.springframework.stereotype.Component;

/**
 * Invitation and password-reset links: 256 random bits, only their SHA-256 stored, single use,
 * expiring. A new link of the same purpose for the same account voids the older ones.
 */
@Component
public class OneTimeTokens {

    public enum Purpose { INVITATION, PASSWORD_RESET }

    /** What a presented token turned out to be. */
    public enum State { VALID, UNKNOWN, USED, EXPIRED }

    public record Lookup(State state, UUID staffId) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    public String issue(Handle handle, UUID staffId, Purpose purpose, Duration ttl, Instant now) {
        handle.createUpdate("update one_time_token set used_at = :now where staff_id = :staff and purpose = :purpose and used_at is null")
                .bind("staff", staffId).bind("purpose", purpose.name()).bind("now", StaffStore.utc(now)).execute();
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        handle.createUpdate("""
                insert into one_time_token (token_hash, staff_id, purpose, created_at, expires_at)
                values (:hash, :staff, :purpose, :now, :expires)
                """)
                .bind("hash", hash(token)).bind("staff", staffId).bind("purpose", purpose.name())
                .bind("now", StaffStore.utc(now)).bind("expires", StaffStore.utc(now.plus(ttl))).execute();
        return token;
    }

    /** Looks a token up, locking its row so two uses cannot both succeed. */
    public Lookup find(Handle handle, String token, Purpose purpose, Instant now) {
        record Row(UUID staffId, OffsetDateTime expiresAt, OffsetDateTime usedAt) {}
        Row row = handle.createQuery("select staff_id, expires_at, used_at from one_time_token where token_hash = :hash and purpose = :purpose for update")
                .bind("hash", hash(token == null ? "" : token)).bind("purpose", purpose.name())
                .map((rs, ctx) -> new Row(rs.getObject("staff_id", UUID.class), rs.getObject("expires_at", OffsetDateTime.class),
                        rs.getObject("used_at", OffsetDateTime.class)))
                .findOne().orElse(null);
        if (row == null) {
            return new Lookup(State.UNKNOWN, null);
        }
        if (row.usedAt() != null) {
            return new Lookup(State.USED, row.staffId());
        }
        if (!row.expiresAt().toInstant().isAfter(now)) {
            return new Lookup(State.EXPIRED, row.staffId());
        }
        return new Lookup(State.VALID, row.staffId());
    }

    public void markUsed(Handle handle, String token, Instant now) {
        handle.createUpdate("update one_time_token set used_at = :now where token_hash = :hash")
                .bind("hash", hash(token)).bind("now", StaffStore.utc(now)).execute();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
