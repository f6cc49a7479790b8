package io.taquilla.localstack;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The local stack's stand-in identity provider until identity-service runs in it: an RSA key kept
 * in {@code .taquilla/local-issuer.jwk} (developer machine only, git-ignored), its public half
 * served as a JWKS by the launcher, and tokens with the claims identity-service issues. Services
 * verify these exactly as they verify identity-service's: asymmetric signature from the JWKS,
 * {@code iss}, {@code aud}, {@code exp}. Nothing here is a shared secret the services hold.
 */
final class LocalIssuer implements AutoCloseable {

    static final String AUDIENCE = "taquilla-api";
    /** The organizer that owns the demo event (identity-service seeds the same id). */
    static final UUID DEMO_ORGANIZER = UUID.fromString("d3e0c0de-0000-4000-8000-000000000001");
    static final String DEMO_DEVICE = "demo-door-device-1";

    private final RSAKey key;
    private final String issuer;
    private HttpServer server;

    private LocalIssuer(RSAKey key, String issuer) {
        this.key = key;
        this.issuer = issuer;
    }

    /** The stack's key, created on first use. */
    static LocalIssuer of(Path home, StackLayout layout) {
        Path file = home.resolve(".taquilla").resolve("local-issuer" + (layout.base() == 8080 ? "" : "-" + layout.base()) + ".jwk");
        try {
            RSAKey key;
            if (Files.exists(file)) {
                key = RSAKey.parse(Files.readString(file));
            } else {
                key = new RSAKeyGenerator(2048).keyID("local-" + UUID.randomUUID()).generate();
                Files.createDirectories(file.getParent());
                Files.writeString(file, key.toJSONString());
            }
            return new LocalIssuer(key, layout.gatewayUrl());
        } catch (IOException | ParseException | JOSEException e) {
            throw new IllegalStateException("cannot load the local token key " + file, e);
        }
    }

    static int jwksPort(StackLayout layout) {
        return layout.base() + 9;
    }

    /** Serves the public key at {@code http://127.0.0.1:<port>/oauth2/jwks}. */
    LocalIssuer serve(int port) throws IOException {
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/oauth2/jwks", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(jwks);
            }
        });
        server.start();
        return this;
    }

    String issuer() {
        return issuer;
    }

    static String jwkSetUri(StackLayout layout) {
        return "http://127.0.0.1:" + jwksPort(layout) + "/oauth2/jwks";
    }

    /** A platform admin (all organizers). */
    String admin(Duration ttl) {
        return mint("local-platform-admin", List.of("platform-admin"), null, null, ttl);
    }

    /** The demo organizer's admin. */
    String organizerAdmin(Duration ttl) {
        return mint("local-organizer-admin", List.of("organizer-admin"), DEMO_ORGANIZER, null, ttl);
    }

    /** The demo organizer's door, bound to the demo device. */
    String door(Duration ttl) {
        return mint("local-door", List.of("door"), DEMO_ORGANIZER, DEMO_DEVICE, ttl);
    }

    String mint(String subject, List<String> roles, UUID organizer, String device, Duration ttl) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject).issuer(issuer).audience(AUDIENCE)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(ttl))).claim("roles", roles);
        if (organizer != null) {
            claims.claim("org", organizer.toString());
        }
        if (device != null) {
            claims.claim("device_id", device);
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }
}
