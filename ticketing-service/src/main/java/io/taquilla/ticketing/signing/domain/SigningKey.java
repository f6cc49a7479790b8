package io.taquilla.ticketing.signing.domain;

import io.taquilla.tickettoken.QrTokenVerifier;

import io.taquilla.tickettoken.QrTokenVerifier.Algorithm;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * A QR signing key. Exactly one key is {@code ACTIVE} and signs new tickets; {@code RETIRED} keys
 * sign nothing but still verify the tickets they signed. Ed25519 keys carry their private key;
 * an HMAC key carries none: its secret is derived from {@code TICKET_HMAC_SECRET} and its id.
 *
 * @param privateKey 32-byte Ed25519 private key; null for HMAC keys
 * @param publicKey  32-byte Ed25519 public key; null for HMAC keys
 * @param retiredAt  null while active
 */
public record SigningKey(String keyId, Algorithm algorithm, byte[] privateKey, byte[] publicKey, Status status,
                         Instant activatedAt, Instant retiredAt) {

    public enum Status { ACTIVE, RETIRED }

    public static SigningKey generate(Algorithm algorithm, SecureRandom random, Instant now) {
        byte[] id = new byte[QrTokenVerifier.KEY_ID_LENGTH];
        random.nextBytes(id);
        String keyId = HexFormat.of().formatHex(id);
        if (algorithm == Algorithm.HMAC_SHA256) {
            return new SigningKey(keyId, algorithm, null, null, Status.ACTIVE, now, null);
        }
        byte[] privateKey = new byte[Ed25519.SECRET_KEY_SIZE];
        Ed25519.generatePrivateKey(random, privateKey);
        byte[] publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(privateKey, 0, publicKey, 0);
        return new SigningKey(keyId, algorithm, privateKey, publicKey, Status.ACTIVE, now, null);
    }

    public SigningKey retire(Instant now) {
        return new SigningKey(keyId, algorithm, privateKey, publicKey, Status.RETIRED, activatedAt, now);
    }

    public boolean active() {
        return status == Status.ACTIVE;
    }

    /** @param hmacSecret the shared {@code TICKET_HMAC_SECRET}; only HMAC keys need it */
    public QrTokenSigner signer(String hmacSecret) {
        if (algorithm == Algorithm.ED25519) {
            return QrTokenSigner.ed25519(keyId, privateKey);
        }
        return QrTokenSigner.hmac(keyId, requireSecret(hmacSecret));
    }

    /** Empty for an HMAC key when this instance has no shared secret to derive it from. */
    public Optional<QrTokenVerifier.VerificationKey> verificationKey(String hmacSecret) {
        if (algorithm == Algorithm.ED25519) {
            return Optional.of(new QrTokenVerifier.VerificationKey(keyId, algorithm, publicKey));
        }
        if (hmacSecret == null || hmacSecret.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new QrTokenVerifier.VerificationKey(keyId, algorithm,
                QrTokenVerifier.hmacKeySecret(hmacSecret, keyId)));
    }

    private String requireSecret(String hmacSecret) {
        if (hmacSecret == null || hmacSecret.length() < 32) {
            throw new IllegalStateException("HmacSHA256 QR signing needs TICKET_HMAC_SECRET of at least 32 characters");
        }
        return hmacSecret;
    }
}
