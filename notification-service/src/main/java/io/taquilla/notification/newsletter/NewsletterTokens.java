package io.taquilla.notification.newsletter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Tokens in newsletter links: 256 random bits, URL-safe; only their SHA-256 is stored. A token
 * looks up nothing else, so it cannot be guessed from an address or a subscriber id.
 */
final class NewsletterTokens {

    enum Purpose { CONFIRM, UNSUBSCRIBE }

    /** A stored token: whose, what for, and whether it still works. */
    record Found(UUID subscriberId, Purpose purpose, Instant expiresAt, Instant usedAt) {
        boolean expired(Instant now) {
            return expiresAt != null && !now.isBefore(expiresAt);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private NewsletterTokens() {
    }

    /** Mints and stores a token; returns it (the only time it exists in clear). */
    static String issue(Handle handle, UUID subscriberId, Purpose purpose, Instant expiresAt) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        handle.createUpdate("""
                        insert into newsletter_tokens (token_hash, subscriber_id, purpose, expires_at)
                        values (:hash, :subscriber, :purpose, :expiresAt)
                        """)
                .bind("hash", hash(token))
                .bind("subscriber", subscriberId)
                .bind("purpose", purpose.name())
                .bind("expiresAt", expiresAt)
                .execute();
        return token;
    }

    /** The token's row, locked; empty for anything not issued here (including junk). */
    static Optional<Found> find(Handle handle, String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return handle.createQuery("""
                        select subscriber_id, purpose, expires_at, used_at from newsletter_tokens
                         where token_hash = :hash for update
                        """)
                .bind("hash", hash(token.trim()))
                .map((rs, ctx) -> new Found(rs.getObject("subscriber_id", UUID.class), Purpose.valueOf(rs.getString("purpose")),
                        instant(rs.getObject("expires_at", java.time.OffsetDateTime.class)),
                        instant(rs.getObject("used_at", java.time.OffsetDateTime.class))))
                .findOne();
    }

    static void markUsed(Handle handle, String token) {
        handle.createUpdate("update newsletter_tokens set used_at = clock_timestamp() where token_hash = :hash and used_at is null")
                .bind("hash", hash(token.trim())).execute();
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(java.time.OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
