package io.taquilla.contracts.ticketing;

import java.time.Instant;
import java.util.UUID;

/**
 * The state of a QR signing key. A retired key still verifies tickets it signed; it just signs no
 * new ones. HMAC secrets are never published.
 *
 * @param algorithm {@code Ed25519} or {@code HmacSHA256}
 * @param publicKey base64-encoded public key; nullable: null for HMAC keys
 * @param status    {@code ACTIVE} or {@code RETIRED}
 * @param retiredAt nullable: null while the key is active
 */
public record SigningKeyPublished(
        UUID eventId,
        Instant occurredAt,
        String keyId,
        String algorithm,
        String publicKey,
        String status,
        Instant activatedAt,
        Instant retiredAt) implements SigningKeyEvent {
}
