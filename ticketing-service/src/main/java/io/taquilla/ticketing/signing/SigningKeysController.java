package io.taquilla.ticketing.signing;

import io.taquilla.ticketing.signing.domain.SigningKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public half of every QR signing key, for scanners and anyone checking a ticket offline;
 * and the rotation, which signs every organizer's tickets and so is for platform admins only
 * (see {@link SigningAccess}). HMAC keys are listed without material: their secret is never published.
 */
@RestController
class SigningKeysController {

    /** How tokens are laid out; see docs/services/ticketing-service.md. */
    static final String TOKEN_FORMAT = "taquilla-qr-v1";

    record KeyView(String keyId, String algorithm, String publicKey, String status, Instant activatedAt,
                   Instant retiredAt) {
        static KeyView of(SigningKey key) {
            return new KeyView(key.keyId(), key.algorithm().wireName(), SigningKeyRing.publicKeyText(key),
                    key.status().name(), key.activatedAt(), key.retiredAt());
        }
    }

    record KeysView(String tokenFormat, String activeKeyId, List<KeyView> keys) {}

    private final SigningKeyRing keyRing;

    SigningKeysController(SigningKeyRing keyRing) {
        this.keyRing = keyRing;
    }

    @GetMapping("/api/ticketing/keys")
    ResponseEntity<KeysView> keys() {
        List<SigningKey> keys = keyRing.keys();
        String active = keys.stream().filter(SigningKey::active).map(SigningKey::keyId).findFirst().orElse(null);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic())
                .body(new KeysView(TOKEN_FORMAT, active, keys.stream().map(KeyView::of).toList()));
    }

    /** Retires the active key and activates a new one; tickets signed before keep verifying. */
    @PostMapping("/api/admin/ticketing/keys/rotate")
    ResponseEntity<KeyView> rotate() {
        return ResponseEntity.status(HttpStatus.CREATED).body(KeyView.of(keyRing.rotate()));
    }
}
