package io.taquilla.ticketing.signing.domain;

import io.taquilla.tickettoken.QrTokenVerifier;

import io.taquilla.tickettoken.QrTokenVerifier.Algorithm;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** Mints QR tokens in the format {@link QrTokenVerifier} checks, with one signing key. */
public final class QrTokenSigner {

    private final byte[] keyId;
    private final Algorithm algorithm;
    private final byte[] privateKey;
    private final byte[] publicKey;
    private final SecretKeySpec hmacKey;

    private QrTokenSigner(String keyId, Algorithm algorithm, byte[] privateKey, byte[] publicKey, SecretKeySpec hmacKey) {
        this.keyId = HexFormat.of().parseHex(keyId);
        if (this.keyId.length != QrTokenVerifier.KEY_ID_LENGTH) {
            throw new IllegalArgumentException("a key id is " + QrTokenVerifier.KEY_ID_LENGTH * 2 + " hex digits");
        }
        this.algorithm = algorithm;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.hmacKey = hmacKey;
    }

    /** @param privateKey the 32-byte Ed25519 private key (seed), RFC 8032 */
    public static QrTokenSigner ed25519(String keyId, byte[] privateKey) {
        if (privateKey.length != Ed25519.SECRET_KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 private key is 32 bytes");
        }
        Ed25519.precompute();
        byte[] publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(privateKey, 0, publicKey, 0);
        return new QrTokenSigner(keyId, Algorithm.ED25519, privateKey.clone(), publicKey, null);
    }

    /** @param sharedSecret {@code TICKET_HMAC_SECRET}; the key's own secret is derived from it */
    public static QrTokenSigner hmac(String keyId, String sharedSecret) {
        byte[] secret = QrTokenVerifier.hmacKeySecret(sharedSecret, keyId);
        return new QrTokenSigner(keyId, Algorithm.HMAC_SHA256, null, null, new SecretKeySpec(secret, "HmacSHA256"));
    }

    public String keyId() {
        return HexFormat.of().formatHex(keyId);
    }

    public Algorithm algorithm() {
        return algorithm;
    }

    /** What a scanner needs to check this signer's tokens. */
    public QrTokenVerifier.VerificationKey verificationKey() {
        return new QrTokenVerifier.VerificationKey(keyId(), algorithm,
                algorithm == Algorithm.ED25519 ? publicKey : hmacKey.getEncoded());
    }

    public String sign(UUID ticketId, UUID eventId, UUID ticketTypeId) {
        ByteBuffer token = ByteBuffer.allocate(QrTokenVerifier.HEADER_LENGTH + algorithm.signatureLength());
        token.put((byte) QrTokenVerifier.VERSION)
                .put(keyId)
                .putLong(ticketId.getMostSignificantBits()).putLong(ticketId.getLeastSignificantBits())
                .putLong(eventId.getMostSignificantBits()).putLong(eventId.getLeastSignificantBits())
                .putLong(ticketTypeId.getLeastSignificantBits());
        byte[] bytes = token.array();
        if (algorithm == Algorithm.ED25519) {
            Ed25519.sign(privateKey, 0, publicKey, 0, bytes, 0, QrTokenVerifier.HEADER_LENGTH,
                    bytes, QrTokenVerifier.HEADER_LENGTH);
        } else {
            System.arraycopy(mac(bytes), 0, bytes, QrTokenVerifier.HEADER_LENGTH, QrTokenVerifier.HMAC_SIGNATURE_LENGTH);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private byte[] mac(byte[] header) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hmacKey);
            mac.update(header, 0, QrTokenVerifier.HEADER_LENGTH);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
