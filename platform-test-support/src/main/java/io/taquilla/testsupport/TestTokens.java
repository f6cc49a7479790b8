package io.taquilla.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * An identity provider inside the test JVM: an RSA key pair whose public half is served as a
 * JWKS by a tiny HTTP server on a random loopback port, and helpers that mint access tokens with
 * the claims identity-service issues ({@code iss}, {@code aud: taquilla-api}, {@code exp},
 * {@code roles}, {@code org}, {@code events}, {@code device_id}). Every {@code @IntegrationTest}
 * context is pointed at it by {@link TestInfrastructureInitializer}; {@link #properties()} gives
 * the same settings to any other Spring test.
 *
 * <p>The bad tokens ({@link #expired()}, {@link #otherAudience()}, ...) are each wrong in exactly
 * one way, so a test that sees them refused knows which check refused them.
 */
public final class TestTokens {

    public static final String AUDIENCE = "taquilla-api";

    private static volatile TestTokens instance;

    private final RSAKey key;
    private final RSAKey stranger;
    private final String issuer;
    private final String jwkSetUri;

    private TestTokens() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-key-" + UUID.randomUUID()).generate();
            stranger = new RSAKeyGenerator(2048).keyID("stranger-" + UUID.randomUUID()).generate();
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/oauth2/jwks", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(jwks);
                }
            });
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            issuer = base;
            jwkSetUri = base + "/oauth2/jwks";
        } catch (JOSEException | IOException e) {
            throw new IllegalStateException("cannot start the test token issuer", e);
        }
    }

    private static TestTokens get() {
        TestTokens current = instance;
        if (current == null) {
            synchronized (TestTokens.class) {
                current = instance;
                if (current == null) {
                    current = new TestTokens();
                    instance = current;
                }
            }
        }
        return current;
    }

    public static String issuer() {
        return get().issuer;
    }

    public static String jwkSetUri() {
        return get().jwkSetUri;
    }

    /** The settings that make a service trust these tokens. */
    public static java.util.Map<String, Object> properties() {
        return java.util.Map.of(
                "taquilla.security.jwt.jwk-set-uri", jwkSetUri(),
                "taquilla.security.jwt.issuer", issuer(),
                "taquilla.security.jwt.audience", AUDIENCE);
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    // ---- good tokens ----

    public static String platformAdmin() {
        return token().subject("platform-admin-" + UUID.randomUUID()).roles("platform-admin").mint();
    }

    public static String organizerAdmin(UUID organizerId) {
        return token().roles("organizer-admin").organizer(organizerId).mint();
    }

    public static String organizerStaff(UUID organizerId) {
        return token().roles("organizer-staff").organizer(organizerId).mint();
    }

    /** A door device's token: every event of the organizer, or only {@code events} when given. */
    public static String door(UUID organizerId, String deviceId, UUID... events) {
        Builder door = token().roles("door").organizer(organizerId).deviceId(deviceId);
        return events.length == 0 ? door.mint() : door.events(events).mint();
    }

    public static Builder token() {
        return new Builder();
    }

    // ---- bad tokens, each wrong in one way ----

    public static String expired() {
        return token().roles("platform-admin").issuedAt(Instant.now().minus(Duration.ofHours(1)))
                .ttl(Duration.ofMinutes(15)).mint();
    }

    public static String otherAudience() {
        return token().roles("platform-admin").audience("some-other-api").mint();
    }

    public static String otherIssuer() {
        return token().roles("platform-admin").issuer("https://issuer.example.org").mint();
    }

    /** Signed by a key the JWKS does not publish. */
    public static String unknownKey() {
        return token().roles("platform-admin").signedBy(get().stranger).mint();
    }

    /** Unsigned ({@code alg: none}). */
    public static String algNone() {
        return new PlainJWT(token().roles("platform-admin").claims()).serialize();
    }

    public static String missingExp() {
        return token().roles("platform-admin").ttl(null).mint();
    }

    /** HS256 with a shared secret, as services used to accept. */
    public static String hs256() {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), token().roles("platform-admin").claims());
            jwt.sign(new MACSigner("taquilla-local-dev-secret-change-me-0123456789".getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every claim settable; defaults: a fresh subject, 15 minutes, the test issuer and audience. */
    public static final class Builder {
        private String subject = UUID.randomUUID().toString();
        private List<String> roles = List.of();
        private UUID organizerId;
        private List<UUID> events;
        private String deviceId;
        private Instant issuedAt = Instant.now();
        private Duration ttl = Duration.ofMinutes(15);
        private String issuer = TestTokens.issuer();
        private String audience = AUDIENCE;
        private RSAKey signer = get().key;

        public Builder subject(String value) {
            subject = value;
            return this;
        }

        public Builder roles(String... values) {
            roles = List.of(values);
            return this;
        }

        public Builder organizer(UUID value) {
            organizerId = value;
            return this;
        }

        public Builder events(UUID... values) {
            events = Arrays.asList(values);
            return this;
        }

        public Builder deviceId(String value) {
            deviceId = value;
            return this;
        }

        public Builder issuedAt(Instant value) {
            issuedAt = value;
            return this;
        }

        /** null: no {@code exp} claim at all. */
        public Builder ttl(Duration value) {
            ttl = value;
            return this;
        }

        public Builder issuer(String value) {
            issuer = value;
            return this;
        }

        public Builder audience(String value) {
            audience = value;
            return this;
        }

        Builder signedBy(RSAKey value) {
            signer = value;
            return this;
        }

        JWTClaimsSet claims() {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .subject(subject)
                    .issuer(issuer)
                    .audience(audience)
                    .issueTime(Date.from(issuedAt))
                    .claim("roles", new ArrayList<>(roles));
            if (ttl != null) {
                claims.expirationTime(Date.from(issuedAt.plus(ttl)));
            }
            if (organizerId != null) {
                claims.claim("org", organizerId.toString());
            }
            if (events != null) {
                claims.claim("events", events.stream().map(UUID::toString).toList());
            }
            if (deviceId != null) {
                claims.claim("device_id", deviceId);
            }
            return claims.build();
        }

        public String mint() {
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).build(),
                        claims());
                jwt.sign(new RSASSASigner(signer));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
