package io.taquilla.identity.keys;

import io.taquilla.identity.IdentityProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Puts a new signing key in charge without downtime: the new key signs from now on; the old one
 * keeps verifying (stays in the JWKS) until every token it signed has expired, i.e. one access-token
 * lifetime plus a minute of clock skew.
 */
@Component
public class RotateSigningKey {

    private static final Logger log = LoggerFactory.getLogger(RotateSigningKey.class);
    static final Duration SKEW = Duration.ofMinutes(1);

    private final Jdbi jdbi;
    private final SigningKeyStore keys;
    private final IdentityProperties properties;
    private final Clock clock;

    public RotateSigningKey(Jdbi jdbi, SigningKeyStore keys, IdentityProperties properties, Clock clock) {
        this.jdbi = jdbi;
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    /** Always rotates; returns the new key id. */
    public String rotate() {
        return rotateIf(null).orElseThrow();
    }

    /** The first key, if there is none yet (at start-up). */
    public void ensureActiveKey() {
        rotateIf(Duration.ofDays(365_000));
    }

    /** Rotates when the active key is older than {@code maxAge} (null: always) or missing. */
    public Optional<String> rotateIf(Duration maxAge) {
        return jdbi.inTransaction(handle -> {
            keys.lock(handle);
            Instant now = clock.instant();
            Optional<SigningKey> active = keys.active(handle);
            if (maxAge != null && active.isPresent() && active.get().activatedAt().plus(maxAge).isAfter(now)) {
                return Optional.<String>empty();
            }
            SigningKey fresh = SigningKey.generate(now);
            keys.insert(handle, fresh);
            keys.retireAllBut(handle, fresh.kid(), now.plus(properties.accessTokenTtl()).plus(SKEW));
            log.info("signing key {} is active{}", fresh.kid(), active.map(k -> "; " + k.kid() + " verifies until its tokens expired").orElse(""));
            return Optional.of(fresh.kid());
        });
    }
}
