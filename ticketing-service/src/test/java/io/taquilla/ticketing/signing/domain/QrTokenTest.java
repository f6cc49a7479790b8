package io.taquilla.ticketing.signing.domain;

import io.taquilla.tickettoken.QrTokenVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taquilla.tickettoken.QrTokenVerifier.Algorithm;
import io.taquilla.tickettoken.QrTokenVerifier.Outcome;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QrTokenTest {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final String SHARED_SECRET = "test-ticket-hmac-secret-0123456789abcdef";

    private final SecureRandom random = new SecureRandom();
    private final UUID ticketId = UUID.randomUUID();
    private final UUID eventId = UUID.randomUUID();
    private final UUID ticketTypeId = UUID.randomUUID();

    @Test
    void ed25519TokenVerifiesAndCarriesItsClaims() {
        SigningKey key = SigningKey.generate(Algorithm.ED25519, random, Instant.now());
        String token = key.signer(null).sign(ticketId, eventId, ticketTypeId);

        QrTokenVerifier.Verification verification = verifierFor(key).verify(token);

        assertThat(verification.outcome()).isEqualTo(Outcome.VALID);
        assertThat(verification.claims().version()).isEqualTo(1);
        assertThat(verification.claims().keyId()).isEqualTo(key.keyId()).matches("[0-9a-f]{8}");
        assertThat(verification.claims().ticketId()).isEqualTo(ticketId);
        assertThat(verification.claims().eventId()).isEqualTo(eventId);
        assertThat(verification.claims().isForTicketType(ticketTypeId)).isTrue();
        assertThat(verification.claims().isForTicketType(UUID.randomUUID())).isFalse();
    }

    @Test
    void tokensStayShortEnoughForAPhoneToScan() {
        String ed25519 = SigningKey.generate(Algorithm.ED25519, random, Instant.now()).signer(null)
                .sign(ticketId, eventId, ticketTypeId);
        String hmac = SigningKey.generate(Algorithm.HMAC_SHA256, random, Instant.now()).signer(SHARED_SECRET)
                .sign(ticketId, eventId, ticketTypeId);

        assertThat(ed25519).hasSize(146).hasSizeLessThanOrEqualTo(150).matches("[A-Za-z0-9_-]+");
        assertThat(hmac).hasSize(103).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void everySingleCharacterChangeIsRejected() {
        for (Algorithm algorithm : Algorithm.values()) {
            SigningKey key = SigningKey.generate(algorithm, random, Instant.now());
            String token = key.signer(SHARED_SECRET).sign(ticketId, eventId, ticketTypeId);
            QrTokenVerifier verifier = verifierFor(key);
            for (int i = 0; i < token.length(); i++) {
                for (char replacement : ALPHABET.toCharArray()) {
                    if (replacement != token.charAt(i)) {
                        String tampered = token.substring(0, i) + replacement + token.substring(i + 1);
                        assertThat(verifier.verify(tampered).valid())
                                .as("%s token with character %d changed to %s", algorithm, i, replacement).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void everySingleByteChangeIsRejected() {
        for (Algorithm algorithm : Algorithm.values()) {
            SigningKey key = SigningKey.generate(algorithm, random, Instant.now());
            byte[] bytes = Base64.getUrlDecoder().decode(key.signer(SHARED_SECRET).sign(ticketId, eventId, ticketTypeId));
            QrTokenVerifier verifier = verifierFor(key);
            for (int i = 0; i < bytes.length; i++) {
                for (int delta = 1; delta < 256; delta++) {
                    byte[] tampered = bytes.clone();
                    tampered[i] ^= (byte) delta;
                    assertThat(verifier.verify(Base64.getUrlEncoder().withoutPadding().encodeToString(tampered)).valid())
                            .as("%s token with byte %d xor %d", algorithm, i, delta).isFalse();
                }
            }
        }
    }

    @Test
    void truncatedExtendedAndForeignTextsAreMalformed() {
        SigningKey key = SigningKey.generate(Algorithm.ED25519, random, Instant.now());
        String token = key.signer(null).sign(ticketId, eventId, ticketTypeId);
        QrTokenVerifier verifier = verifierFor(key);

        for (String text : Arrays.asList(null, "", token.substring(0, token.length() - 1), token + "A", token + "AAAA",
                token + "=", token.replace('-', '+').replace('_', '/') + (token.contains("-") || token.contains("_") ? "" : "+"),
                " " + token, "https://example.com/ticket", "x".repeat(151))) {
            assertThat(verifier.verify(text).valid()).as(String.valueOf(text)).isFalse();
        }
        assertThat(verifier.verify(token.substring(0, 40)).outcome()).isEqualTo(Outcome.MALFORMED);
    }

    @Test
    void aTokenClaimingAnotherVersionIsNotAccepted() {
        SigningKey key = SigningKey.generate(Algorithm.ED25519, random, Instant.now());
        byte[] bytes = Base64.getUrlDecoder().decode(key.signer(null).sign(ticketId, eventId, ticketTypeId));
        bytes[0] = 2;

        assertThat(verifierFor(key).verify(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)).outcome())
                .isEqualTo(Outcome.UNSUPPORTED_VERSION);
    }

    @Test
    void aKeyThatDidNotSignTheTokenRejectsIt() {
        SigningKey signing = SigningKey.generate(Algorithm.ED25519, random, Instant.now());
        SigningKey other = SigningKey.generate(Algorithm.ED25519, random, Instant.now());
        String token = signing.signer(null).sign(ticketId, eventId, ticketTypeId);
        // Same key id, different public key: an impostor key or a scanner with stale keys.
        QrTokenVerifier impostor = new QrTokenVerifier(List.of(
                new QrTokenVerifier.VerificationKey(signing.keyId(), Algorithm.ED25519, other.publicKey())));

        assertThat(impostor.verify(token).outcome()).isEqualTo(Outcome.BAD_SIGNATURE);
        assertThat(verifierFor(other).verify(token).outcome()).isEqualTo(Outcome.UNKNOWN_KEY);
    }

    @Test
    void aRetiredKeyStillVerifiesWhatItSignedWhileTheNewKeySignsNewTickets() {
        SigningKey old = SigningKey.generate(Algorithm.ED25519, random, Instant.now());
        String oldTicket = old.signer(null).sign(ticketId, eventId, ticketTypeId);
        SigningKey retired = old.retire(Instant.now());
        SigningKey current = SigningKey.generate(Algorithm.ED25519, random, Instant.now());
        String newTicket = current.signer(null).sign(UUID.randomUUID(), eventId, ticketTypeId);

        QrTokenVerifier verifier = new QrTokenVerifier(List.of(
                retired.verificationKey(null).orElseThrow(), current.verificationKey(null).orElseThrow()));

        assertThat(retired.active()).isFalse();
        assertThat(verifier.verify(oldTicket).valid()).isTrue();
        assertThat(verifier.verify(newTicket).valid()).isTrue();
        assertThat(verifier.verify(newTicket).claims().keyId()).isEqualTo(current.keyId());
    }

    @Test
    void hmacTokensVerifyWithTheSharedSecretOnly() {
        SigningKey key = SigningKey.generate(Algorithm.HMAC_SHA256, random, Instant.now());
        String token = key.signer(SHARED_SECRET).sign(ticketId, eventId, ticketTypeId);

        assertThat(verifierFor(key).verify(token).outcome()).isEqualTo(Outcome.VALID);
        assertThat(verifierFor(key).verify(token).claims().ticketId()).isEqualTo(ticketId);
        QrTokenVerifier wrongSecret = new QrTokenVerifier(List.of(
                key.verificationKey("another-shared-secret-0123456789abcdef").orElseThrow()));
        assertThat(wrongSecret.verify(token).outcome()).isEqualTo(Outcome.BAD_SIGNATURE);
        assertThat(key.verificationKey(null)).isEmpty();
        assertThat(key.privateKey()).isNull();
    }

    @Test
    void hmacSigningRefusesAMissingOrShortSharedSecret() {
        SigningKey key = SigningKey.generate(Algorithm.HMAC_SHA256, random, Instant.now());

        assertThatThrownBy(() -> key.signer(null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TICKET_HMAC_SECRET");
        assertThatThrownBy(() -> key.signer("short")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Algorithm.fromWireName("RSA")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Algorithm.fromWireName("hmacsha256")).isEqualTo(Algorithm.HMAC_SHA256);
    }

    @Test
    void anHmacKeysSecretIsDerivedFromTheSharedSecretAndItsIdAsDocumented() throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(SHARED_SECRET.getBytes(), "HmacSHA256"));
        byte[] expected = mac.doFinal("taquilla-qr-hmac-v1:0a1b2c3d".getBytes());

        assertThat(QrTokenVerifier.hmacKeySecret(SHARED_SECRET, "0a1b2c3d")).isEqualTo(expected);
        assertThat(QrTokenVerifier.hmacKeySecret(SHARED_SECRET, "0a1b2c3e")).isNotEqualTo(expected);
    }

    @Test
    void anEd25519TokenCannotBePassedOffUnderAnHmacKeyId() {
        SigningKey ed = SigningKey.generate(Algorithm.ED25519, random, Instant.now());
        String token = ed.signer(null).sign(ticketId, eventId, ticketTypeId);
        QrTokenVerifier hmacUnderSameId = new QrTokenVerifier(List.of(new QrTokenVerifier.VerificationKey(
                ed.keyId(), Algorithm.HMAC_SHA256, QrTokenVerifier.hmacKeySecret(SHARED_SECRET, ed.keyId()))));

        assertThat(hmacUnderSameId.verify(token).valid()).isFalse();
    }

    @Test
    void bouncyCastleSignaturesAreStandardEd25519ThatTheJdkAlsoVerifies() throws Exception {
        SigningKey key = SigningKey.generate(Algorithm.ED25519, random, Instant.now());
        byte[] bytes = Base64.getUrlDecoder().decode(key.signer(null).sign(ticketId, eventId, ticketTypeId));
        // X.509 SubjectPublicKeyInfo for Ed25519 is a fixed 12-byte prefix plus the raw key (RFC 8410).
        byte[] spki = HexFormat.of().parseHex("302a300506032b6570032100" + HexFormat.of().formatHex(key.publicKey()));
        PublicKey publicKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(publicKey);
        jdk.update(bytes, 0, QrTokenVerifier.HEADER_LENGTH);

        assertThat(jdk.verify(Arrays.copyOfRange(bytes, QrTokenVerifier.HEADER_LENGTH, bytes.length))).isTrue();
    }

    private static QrTokenVerifier verifierFor(SigningKey key) {
        return new QrTokenVerifier(List.of(key.verificationKey(SHARED_SECRET).orElseThrow()));
    }
}
