package io.taquilla.tickettoken;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Checks a Taquilla QR ticket token offline. Shared by ticketing-service (which signs) and
 * scanner-service (which admits); JDK + BouncyCastle's {@code bcprov-jdk18on} only, so a door
 * device can embed it too. The format is specified in
 * {@code docs/services/ticketing-service.md}:
 *
 * <pre>
 * token  = base64url(header || signature), no padding, canonical
 * header = 45 bytes:
 *   [0]      version, 0x01
 *   [1..4]   key id (the textual key id is these 4 bytes as 8 lower-case hex digits)
 *   [5..20]  ticket id (UUID, most significant 8 bytes first, big-endian)
 *   [21..36] catalog event id (UUID, same encoding)
 *   [37..44] ticket type id, its low 64 bits only (UUID#getLeastSignificantBits, big-endian)
 * signature = Ed25519(private key, header), 64 bytes      -> 109 bytes, 146 characters
 *           | HMAC-SHA256(key secret, header), 32 bytes   ->  77 bytes, 103 characters
 * </pre>
 *
 * The algorithm comes from the key named in the token, never from the token itself. An HMAC key's
 * secret is derived from the shared {@code TICKET_HMAC_SECRET}, see {@link #hmacKeySecret}.
 */
public final class QrTokenVerifier {

    public static final int VERSION = 1;
    public static final int HEADER_LENGTH = 45;
    public static final int KEY_ID_LENGTH = 4;
    public static final int ED25519_SIGNATURE_LENGTH = 64;
    public static final int HMAC_SIGNATURE_LENGTH = 32;
    /** Label mixed into each HMAC key's derived secret; changing it invalidates every HMAC token. */
    public static final String HMAC_KEY_LABEL = "taquilla-qr-hmac-v1:";

    private static final int MAX_TOKEN_CHARS = 150;

    public enum Algorithm {
        ED25519("Ed25519", ED25519_SIGNATURE_LENGTH),
        HMAC_SHA256("HmacSHA256", HMAC_SIGNATURE_LENGTH);

        private final String wireName;
        private final int signatureLength;

        Algorithm(String wireName, int signatureLength) {
            this.wireName = wireName;
            this.signatureLength = signatureLength;
        }

        /** As in {@code SigningKeyPublished.algorithm} and {@code TICKET_SIGNING_ALGORITHM}. */
        public String wireName() {
            return wireName;
        }

        public int signatureLength() {
            return signatureLength;
        }

        public static Algorithm fromWireName(String name) {
            for (Algorithm algorithm : values()) {
                if (algorithm.wireName.equalsIgnoreCase(name)) {
                    return algorithm;
                }
            }
            throw new IllegalArgumentException("unknown QR signing algorithm '" + name + "' (Ed25519 or HmacSHA256)");
        }
    }

    /**
     * A key that verifies tokens.
     *
     * @param keyId    8 lower-case hex digits
     * @param material Ed25519: the 32-byte raw public key (RFC 8032); HMAC: the 32-byte derived secret
     */
    public record VerificationKey(String keyId, Algorithm algorithm, byte[] material) {
        public VerificationKey {
            material = material.clone();
        }
    }

    /** What a token says; trustworthy only when {@link Verification#valid()}. */
    public record Claims(int version, String keyId, UUID ticketId, UUID eventId, long ticketTypeIdLow64) {
        public boolean isForTicketType(UUID ticketTypeId) {
            return ticketTypeId.getLeastSignificantBits() == ticketTypeIdLow64;
        }
    }

    public enum Outcome { VALID, MALFORMED, UNSUPPORTED_VERSION, UNKNOWN_KEY, BAD_SIGNATURE }

    /** @param claims null when the token could not be parsed */
    public record Verification(Outcome outcome, Claims claims) {
        public boolean valid() {
            return outcome == Outcome.VALID;
        }
    }

    private record UsableKey(Algorithm algorithm, Ed25519.PublicPoint publicPoint, SecretKeySpec hmacKey) {}

    private final Map<String, UsableKey> keys = new HashMap<>();

    public QrTokenVerifier(Collection<VerificationKey> verificationKeys) {
        Ed25519.precompute();
        for (VerificationKey key : verificationKeys) {
            if (key.algorithm() == Algorithm.ED25519) {
                // Validates the point once; null for a malformed key, which then verifies nothing.
                Ed25519.PublicPoint point = key.material().length == Ed25519.PUBLIC_KEY_SIZE
                        ? Ed25519.validatePublicKeyFullExport(key.material(), 0) : null;
                if (point != null) {
                    keys.put(key.keyId(), new UsableKey(Algorithm.ED25519, point, null));
                }
            } else {
                keys.put(key.keyId(), new UsableKey(Algorithm.HMAC_SHA256, null,
                        new SecretKeySpec(key.material(), "HmacSHA256")));
            }
        }
    }

    public Verification verify(String token) {
        byte[] bytes = decode(token);
        if (bytes == null || bytes.length <= HEADER_LENGTH) {
            return new Verification(Outcome.MALFORMED, null);
        }
        Claims claims = readHeader(bytes);
        if (claims.version() != VERSION) {
            return new Verification(Outcome.UNSUPPORTED_VERSION, claims);
        }
        UsableKey key = keys.get(claims.keyId());
        if (key == null) {
            return new Verification(Outcome.UNKNOWN_KEY, claims);
        }
        if (bytes.length != HEADER_LENGTH + key.algorithm().signatureLength()) {
            return new Verification(Outcome.MALFORMED, claims);
        }
        boolean good = key.algorithm() == Algorithm.ED25519
                ? Ed25519.verify(bytes, HEADER_LENGTH, key.publicPoint(), bytes, 0, HEADER_LENGTH)
                : MessageDigest.isEqual(hmac(key.hmacKey(), bytes, HEADER_LENGTH),
                        Arrays.copyOfRange(bytes, HEADER_LENGTH, bytes.length));
        return new Verification(good ? Outcome.VALID : Outcome.BAD_SIGNATURE, claims);
    }

    /**
     * The secret of HMAC key {@code keyId}: HMAC-SHA256(key = UTF-8 of the shared secret,
     * message = UTF-8 of {@code "taquilla-qr-hmac-v1:" + keyId}). Rotating an HMAC key needs no new
     * shared secret, and the shared secret itself never signs anything.
     */
    public static byte[] hmacKeySecret(String sharedSecret, String keyId) {
        SecretKeySpec master = new SecretKeySpec(sharedSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        byte[] label = (HMAC_KEY_LABEL + keyId).getBytes(StandardCharsets.UTF_8);
        return hmac(master, label, label.length);
    }

    /** Header fields without checking the signature (for logging what a rejected token claimed). */
    public static Claims readHeader(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int version = buffer.get() & 0xff;
        byte[] keyId = new byte[KEY_ID_LENGTH];
        buffer.get(keyId);
        UUID ticketId = new UUID(buffer.getLong(), buffer.getLong());
        UUID eventId = new UUID(buffer.getLong(), buffer.getLong());
        long ticketTypeLow = buffer.getLong();
        return new Claims(version, keyIdText(keyId), ticketId, eventId, ticketTypeLow);
    }

    public static String keyIdText(byte[] keyId) {
        StringBuilder text = new StringBuilder(keyId.length * 2);
        for (byte b : keyId) {
            text.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return text.toString();
    }

    /** Strict base64url: only the URL-safe alphabet, no padding, and no ignored trailing bits. */
    static byte[] decode(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
            return null;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_';
            if (!allowed) {
                return null;
            }
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return null;
        }
        // Two texts must not decode to the same bytes, or a changed last character could still verify.
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(token) ? bytes : null;
    }

    private static byte[] hmac(SecretKeySpec key, byte[] message, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(message, 0, length);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
