package io.taquilla.scanner.token;

import io.taquilla.tickettoken.QrTokenVerifier;
import io.taquilla.tickettoken.QrTokenVerifier.Algorithm;
import io.taquilla.tickettoken.QrTokenVerifier.Verification;
import io.taquilla.tickettoken.QrTokenVerifier.VerificationKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The signing keys, in memory, and a verifier over them that is rebuilt when a key changes.
 * Filled from the {@code signing_key} table at start-up and kept current by
 * {@code SigningKeyPublished}. Another instance of this service may have consumed a key this one
 * has not (instances split the partitions), so an unknown key id triggers a reload from the table
 * — at most once every few seconds, so forged key ids cannot turn into database load.
 */
@Component
public class SigningKeyRing implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyRing.class);
    private static final long RELOAD_AT_MOST_EVERY_MILLIS = 5_000;

    private final Map<String, SigningKeyDao.Row> rows = new ConcurrentHashMap<>();
    private final Jdbi jdbi;
    private final String hmacSecret;
    private final Clock clock;
    private volatile QrTokenVerifier verifier = new QrTokenVerifier(List.of());
    private volatile long lastReload;

    public SigningKeyRing(Jdbi jdbi, Clock clock, @Value("${taquilla.scanner.hmac-secret:}") String hmacSecret) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.hmacSecret = hmacSecret;
    }

    /** Loads the stored keys once every bean — Flyway's migration included — is ready. */
    @Override
    public void afterSingletonsInstantiated() {
        reload();
    }

    /** Pure computation over the keys in memory, except the rate-limited reload for an unknown key id. */
    public Verification verify(String qr) {
        Verification verification = verifier.verify(qr);
        if (verification.outcome() == QrTokenVerifier.Outcome.UNKNOWN_KEY
                && clock.millis() - lastReload > RELOAD_AT_MOST_EVERY_MILLIS) {
            reload();
            verification = verifier.verify(qr);
        }
        return verification;
    }

    /** The keys as offline devices get them: Ed25519 public keys; HMAC keys without their secret. */
    public List<SigningKeyDao.Row> published() {
        return List.copyOf(rows.values());
    }

    /** Records a published key state on the caller's transaction and starts verifying with it. */
    public void remember(Handle handle, SigningKeyDao.Row row) {
        handle.attach(SigningKeyDao.class).upsert(row);
        rows.put(row.keyId(), row);
        rebuild();
    }

    private synchronized void reload() {
        lastReload = clock.millis();
        jdbi.withExtension(SigningKeyDao.class, SigningKeyDao::all).forEach(row -> rows.put(row.keyId(), row));
        rebuild();
    }

    private synchronized void rebuild() {
        List<VerificationKey> keys = new ArrayList<>();
        for (SigningKeyDao.Row row : rows.values()) {
            verificationKey(row).ifPresent(keys::add);
        }
        verifier = new QrTokenVerifier(keys);
    }

    private Optional<VerificationKey> verificationKey(SigningKeyDao.Row row) {
        try {
            Algorithm algorithm = Algorithm.fromWireName(row.algorithm());
            if (algorithm == Algorithm.HMAC_SHA256) {
                if (hmacSecret == null || hmacSecret.isBlank()) {
                    log.warn("HMAC signing key {} cannot be used: TICKET_HMAC_SECRET is not set", row.keyId());
                    return Optional.empty();
                }
                return Optional.of(new VerificationKey(row.keyId(), algorithm,
                        QrTokenVerifier.hmacKeySecret(hmacSecret, row.keyId())));
            }
            return Optional.of(new VerificationKey(row.keyId(), algorithm, Base64.getDecoder().decode(row.publicKey())));
        } catch (RuntimeException unusable) {
            log.warn("ignoring signing key {} ({}): {}", row.keyId(), row.algorithm(), unusable.getMessage());
            return Optional.empty();
        }
    }
}
