package io.taquilla.ticketing.signing.domain;

import io.taquilla.tickettoken.QrTokenVerifier;

import static org.assertj.core.api.Assertions.assertThat;

import io.taquilla.tickettoken.QrTokenVerifier.Algorithm;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The test vectors of docs/services/ticketing-service.md: fixed keys and ids give these exact
 * tokens (Ed25519 is deterministic), so a scanner written elsewhere can check its verifier.
 */
class QrTokenVectorTest {

    static final UUID TICKET = UUID.fromString("11111111-1111-4111-8111-111111111111");
    static final UUID EVENT = UUID.fromString("22222222-2222-4222-8222-222222222222");
    static final UUID TICKET_TYPE = UUID.fromString("33333333-3333-4333-8333-333333333333");
    static final String KEY_ID = "0a1b2c3d";

    static final String ED25519_PUBLIC_KEY = "A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg=";
    static final String ED25519_TOKEN = "AQobLD0RERERERFBEYERERERERERIiIiIiIiQiKCIiIiIiIiIoMzMzMzMzMzCEQ1WocMoB_LHk_OUN_tsPb0p0WRFjxmT2m5pkAsVgzwvDI4uRhYt-bYWmu59r5k-XapO3MaUhitmkeAY7mPBg";
    static final String HMAC_SHARED_SECRET = "taquilla-test-vector-hmac-secret-0123456789";
    static final String HMAC_KEY_SECRET_HEX = "7e28ebe09629375bfaeb340249eecdca930b1d73d1fd33ecc757765fc1d8d3cc";
    static final String HMAC_TOKEN = "AQobLD0RERERERFBEYERERERERERIiIiIiIiQiKCIiIiIiIiIoMzMzMzMzMzeMfS7eUqut1SEh6rRknzE2C2qY54M1Rnuqxc2S1vqz4";

    @Test
    void ed25519Vector() {
        byte[] seed = new byte[32];
        for (int i = 0; i < seed.length; i++) {
            seed[i] = (byte) i;
        }
        QrTokenSigner signer = QrTokenSigner.ed25519(KEY_ID, seed);

        assertThat(Base64.getEncoder().encodeToString(signer.verificationKey().material())).isEqualTo(ED25519_PUBLIC_KEY);
        assertThat(signer.sign(TICKET, EVENT, TICKET_TYPE)).isEqualTo(ED25519_TOKEN);
        QrTokenVerifier verifier = new QrTokenVerifier(List.of(new QrTokenVerifier.VerificationKey(KEY_ID,
                Algorithm.ED25519, Base64.getDecoder().decode(ED25519_PUBLIC_KEY))));
        QrTokenVerifier.Verification verification = verifier.verify(ED25519_TOKEN);
        assertThat(verification.valid()).isTrue();
        assertThat(verification.claims()).isEqualTo(new QrTokenVerifier.Claims(1, KEY_ID, TICKET, EVENT,
                TICKET_TYPE.getLeastSignificantBits()));
    }

    @Test
    void hmacVector() {
        assertThat(HexFormat.of().formatHex(QrTokenVerifier.hmacKeySecret(HMAC_SHARED_SECRET, KEY_ID)))
                .isEqualTo(HMAC_KEY_SECRET_HEX);
        assertThat(QrTokenSigner.hmac(KEY_ID, HMAC_SHARED_SECRET).sign(TICKET, EVENT, TICKET_TYPE)).isEqualTo(HMAC_TOKEN);
        QrTokenVerifier verifier = new QrTokenVerifier(List.of(new QrTokenVerifier.VerificationKey(KEY_ID,
                Algorithm.HMAC_SHA256, HexFormat.of().parseHex(HMAC_KEY_SECRET_HEX))));
        assertThat(verifier.verify(HMAC_TOKEN).valid()).isTrue();
    }
}
