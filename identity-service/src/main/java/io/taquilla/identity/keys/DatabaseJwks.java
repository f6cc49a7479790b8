package io.taquilla.identity.keys;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.util.List;

/**
 * The keys in the database as Nimbus sees them. {@link #published} serves the JWKS endpoint and
 * token verification (every key still verifying); {@link #signing} offers only the active key, so
 * the encoder never has to choose.
 */
public final class DatabaseJwks {

    private DatabaseJwks() {
    }

    public static JWKSource<SecurityContext> published(SigningKeyStore keys, Clock clock) {
        return (JWKSelector selector, SecurityContext context) -> selector.select(
                new JWKSet(keys.published(clock.instant()).stream().map(k -> (JWK) k.toJwk()).toList()));
    }

    public static JWKSource<SecurityContext> signing(SigningKeyStore keys) {
        return (JWKSelector selector, SecurityContext context) -> {
            List<JWK> active = keys.active().map(k -> List.<JWK>of(k.toJwk())).orElse(List.of());
            return selector.select(new JWKSet(active));
        };
    }
}
