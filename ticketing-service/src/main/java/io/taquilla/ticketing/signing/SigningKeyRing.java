package io.taquilla.ticketing.signing;

import io.taquilla.contracts.Topics;
import io.taquilla.contracts.ticketing.SigningKeyPublished;
import io.taquilla.messaging.outbox.Outbox;
import io.taquilla.ticketing.signing.domain.QrTokenSigner;
import io.taquilla.tickettoken.QrTokenVerifier;
import io.taquilla.tickettoken.QrTokenVerifier.Algorithm;
import io.taquilla.ticketing.signing.domain.SigningKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The QR signing keys: makes sure one key of the configured algorithm is active before any
 * listener starts, rotates on request, and hands out the active key's signer. Every change — and
 * every start-up, since the topic is not compacted and old records age out — publishes the keys
 * on {@code ticketing.signing-key.v1}; scanners upsert by key id.
 */
@Component
public class SigningKeyRing implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyRing.class);

    private final Jdbi jdbi;
    private final Outbox outbox;
    private final SigningSettings settings;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, QrTokenSigner> signers = new ConcurrentHashMap<>();

    public SigningKeyRing(Jdbi jdbi, Outbox outbox, SigningSettings settings) {
        this.jdbi = jdbi;
        this.outbox = outbox;
        this.settings = settings;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Algorithm wanted = settings.signingAlgorithm();
        if (wanted == Algorithm.HMAC_SHA256) {
            SigningKey.generate(wanted, random, Instant.now()).signer(settings.hmacSecret()); // fails fast without a secret
        }
        jdbi.useTransaction(handle -> {
            SigningKeys keys = handle.attach(SigningKeys.class);
            keys.lock();
            Optional<SigningKey> active = keys.active();
            if (active.isEmpty() || active.get().algorithm() != wanted) {
                rotate(handle, keys, wanted, active);
            }
            keys.all().forEach(key -> publish(handle, key));
        });
        log.info("QR signing key {} ({}) is active", activeKey().keyId(), wanted.wireName());
    }

    /** Retires the active key and activates a new one of the configured algorithm. */
    public SigningKey rotate() {
        return jdbi.inTransaction(handle -> {
            SigningKeys keys = handle.attach(SigningKeys.class);
            keys.lock();
            SigningKey created = rotate(handle, keys, settings.signingAlgorithm(), keys.active());
            keys.all().forEach(key -> publish(handle, key));
            return created;
        });
    }

    /** The signer of the key that is active now, read on the caller's transaction. */
    public QrTokenSigner activeSigner(Handle handle) {
        SigningKey key = handle.attach(SigningKeys.class).active()
                .orElseThrow(() -> new IllegalStateException("no active QR signing key"));
        return signers.computeIfAbsent(key.keyId(), id -> key.signer(settings.hmacSecret()));
    }

    public SigningKey activeKey() {
        return jdbi.withExtension(SigningKeys.class, SigningKeys::active)
                .orElseThrow(() -> new IllegalStateException("no active QR signing key"));
    }

    public List<SigningKey> keys() {
        return jdbi.withExtension(SigningKeys.class, SigningKeys::all);
    }

    /** Verifies with every key this instance can use (HMAC keys need the shared secret). */
    public QrTokenVerifier verifier() {
        return new QrTokenVerifier(keys().stream()
                .flatMap(key -> key.verificationKey(settings.hmacSecret()).stream())
                .toList());
    }

    public static String publicKeyText(SigningKey key) {
        return key.publicKey() == null ? null : Base64.getEncoder().encodeToString(key.publicKey());
    }

    private SigningKey rotate(Handle handle, SigningKeys keys, Algorithm algorithm, Optional<SigningKey> active) {
        Instant now = Instant.now();
        active.ifPresent(old -> keys.retire(old.keyId(), now));
        SigningKey created = SigningKey.generate(algorithm, random, now);
        while (!keys.insert(created)) {
            created = SigningKey.generate(algorithm, random, now); // a 32-bit key id collided
        }
        log.info("QR signing key {} ({}) activated{}", created.keyId(), algorithm.wireName(),
                active.map(old -> ", " + old.keyId() + " retired").orElse(""));
        return created;
    }

    private void publish(Handle handle, SigningKey key) {
        outbox.append(handle, Topics.TICKETING_SIGNING_KEY, new SigningKeyPublished(UUID.randomUUID(), Instant.now(),
                key.keyId(), key.algorithm().wireName(), publicKeyText(key), key.status().name(),
                key.activatedAt(), key.retiredAt()));
    }
}
