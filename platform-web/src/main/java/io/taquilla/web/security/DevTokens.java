package io.taquilla.web.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Mints HS256 tokens with a {@code roles} claim, for the local stack and for tests. Production
 * tokens come from the identity provider; services only validate.
 */
public final class DevTokens {

    /** The local default secret. Never use it outside a developer machine. */
    public static final String DEV_SECRET = "taquilla-local-dev-secret-change-me-0123456789";

    private DevTokens() {
    }

    public static String mint(String secret, String subject, Duration ttl, String... roles) {
        return mint(secret, subject, Instant.now(), ttl, roles);
    }

    public static String mint(String secret, String subject, Instant issuedAt, Duration ttl, String... roles) {
        SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
        Instant now = issuedAt;
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer("taquilla-dev")
                .subject(subject)
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .claim("roles", List.of(roles))
                .build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }

    /** {@code java -cp ... io.taquilla.web.security.DevTokens admin} prints a 12-hour token. */
    public static void main(String[] args) {
        String secret = System.getenv().getOrDefault("TAQUILLA_JWT_SECRET", DEV_SECRET);
        String role = args.length > 0 ? args[0] : "admin";
        System.out.println(mint(secret, "dev-" + role, Duration.ofHours(12), role));
    }
}
