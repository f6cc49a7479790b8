package io.taquilla.scanner.token.domain;

import io.taquilla.tickettoken.QrTokenVerifier;

import static org.assertj.core.api.Assertions.assertThat;

import io.taquilla.tickettoken.QrTokenVerifier.Algorithm;
import io.taquilla.tickettoken.QrTokenVerifier.Outcome;
import io.taquilla.tickettoken.QrTokenVerifier.VerificationKey;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;

/** The scanner's copy of ticketing's verifier, against tokens built here byte by byte from the spec. */
class QrTokenVerifierTest {

    static final SecureRandom RANDOM = new SecureRandom();
    final byte[] privateKey = new byte[32];
    final byte[] publicKey = new byte[32];
    final UUID ticket = UUID.randomUUID();
    final UUID event = UUID.randomUUID();
    final UUID type = UUID.randomUUID();

    QrTokenVerifierTest() {
        Ed25519.generatePrivateKey(RANDOM, privateKey);
        Ed25519.generatePublicKey(privateKey, 0, publicKey, 0);
    }

    @Test
    void acceptsAnEd25519TokenAndReadsItsClaims() {
        QrTokenVerifier verifier = new QrTokenVerifier(List.of(new VerificationKey("0a0b0c0d", Algorithm.ED25519, publicKey)));
        QrTokenVerifier.Verification verification = verifier.verify(ed25519("0a0b0c0d"));
        assertThat(verification.valid()).isTrue();
        assertThat(verification.claims().ticketId()).isEqualTo(ticket);
        assertThat(verification.claims().eventId()).isEqualTo(event);
        assertThat(verification.claims().isForTicketType(type)).isTrue();
    }

    @Test
    void rejectsTamperedForgedUnknownKeyAndGarbage() {
        QrTokenVerifier verifier = new QrTokenVerifier(List.of(new VerificationKey("0a0b0c0d", Algorithm.ED25519, publicKey)));
        byte[] bytes = Base64.getUrlDecoder().decode(ed25519("0a0b0c0d"));
        bytes[20] ^= 1;
        assertThat(verifier.verify(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)).outcome())
                .isEqualTo(Outcome.BAD_SIGNATURE);
        assertThat(verifier.verify(ed25519("01020304")).outcome()).isEqualTo(Outcome.UNKNOWN_KEY);
        assertThat(verifier.verify("").outcome()).isEqualTo(Outcome.MALFORMED);
        assertThat(verifier.verify("hello world").outcome()).isEqualTo(Outcome.MALFORMED);
        assertThat(verifier.verify("A".repeat(5000)).outcome()).isEqualTo(Outcome.MALFORMED);
        assertThat(verifier.verify(ed25519("0a0b0c0d").substring(0, 100)).valid()).isFalse();
    }

    @Test
    void verifiesHmacTokensWithTheSecretDerivedFromTheSharedOne() throws Exception {
        String shared = "a-shared-secret-of-at-least-32-characters";
        byte[] keySecret = QrTokenVerifier.hmacKeySecret(shared, "0f0e0d0c");
        QrTokenVerifier verifier = new QrTokenVerifier(List.of(new VerificationKey("0f0e0d0c", Algorithm.HMAC_SHA256, keySecret)));
        byte[] header = header("0f0e0d0c");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(keySecret, "HmacSHA256"));
        byte[] token = ByteBuffer.allocate(45 + 32).put(header).put(mac.doFinal(header)).array();
        assertThat(verifier.verify(Base64.getUrlEncoder().withoutPadding().encodeToString(token)).valid()).isTrue();
        token[50] ^= 1;
        assertThat(verifier.verify(Base64.getUrlEncoder().withoutPadding().encodeToString(token)).valid()).isFalse();
    }

    /** ticketing-service's published test vectors (docs/services/ticketing-service.md). */
    @Test
    void verifiesTicketingsTestVectors() {
        UUID vectorTicket = UUID.fromString("11111111-1111-4111-8111-111111111111");
        QrTokenVerifier ed = new QrTokenVerifier(List.of(new VerificationKey("0a1b2c3d", Algorithm.ED25519,
                Base64.getDecoder().decode("A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg="))));
        QrTokenVerifier.Verification verification = ed.verify("AQobLD0RERERERFBEYERERERERERIiIiIiIiQiKCIiIiIiIiIoMzMzMzMzMzCEQ1"
                + "WocMoB_LHk_OUN_tsPb0p0WRFjxmT2m5pkAsVgzwvDI4uRhYt-bYWmu59r5k-XapO3MaUhitmkeAY7mPBg");
        assertThat(verification.valid()).isTrue();
        assertThat(verification.claims().ticketId()).isEqualTo(vectorTicket);
        assertThat(verification.claims().eventId()).isEqualTo(UUID.fromString("22222222-2222-4222-8222-222222222222"));
        assertThat(verification.claims().isForTicketType(UUID.fromString("33333333-3333-4333-8333-333333333333"))).isTrue();

        byte[] hmacSecret = QrTokenVerifier.hmacKeySecret("taquilla-test-vector-hmac-secret-0123456789", "0a1b2c3d");
        assertThat(java.util.HexFormat.of().formatHex(hmacSecret))
                .isEqualTo("7e28ebe09629375bfaeb340249eecdca930b1d73d1fd33ecc757765fc1d8d3cc");
        QrTokenVerifier hmac = new QrTokenVerifier(List.of(new VerificationKey("0a1b2c3d", Algorithm.HMAC_SHA256, hmacSecret)));
        assertThat(hmac.verify("AQobLD0RERERERFBEYERERERERERIiIiIiIiQiKCIiIiIiIiIoMzMzMzMzMzeMfS7eUqut1SEh6rRknzE2C2qY54M1"
                + "Rnuqxc2S1vqz4").valid()).isTrue();
    }

    private String ed25519(String keyId) {
        byte[] bytes = ByteBuffer.allocate(45 + 64).put(header(keyId)).array();
        Ed25519.sign(privateKey, 0, publicKey, 0, bytes, 0, 45, bytes, 45);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private byte[] header(String keyId) {
        return ByteBuffer.allocate(45).put((byte) 1).put(java.util.HexFormat.of().parseHex(keyId))
                .putLong(ticket.getMostSignificantBits()).putLong(ticket.getLeastSignificantBits())
                .putLong(event.getMostSignificantBits()).putLong(event.getLeastSignificantBits())
                .putLong(type.getLeastSignificantBits()).array();
    }
}
