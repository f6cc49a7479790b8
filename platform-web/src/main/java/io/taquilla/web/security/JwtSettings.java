package io.taquilla.web.security;

import java.util.Arrays;
import java.util.List;
import org.springframework.core.env.Environment;

/**
 * Where tokens come from and what they must say. Read from {@code taquilla.security.jwt.*}
 * (environment {@code TAQUILLA_JWT_JWK_SET_URI}, {@code TAQUILLA_ISSUER}, ...) or, for an operator
 * who points the services at Keycloak or Auth0, from Spring Boot's standard
 * {@code spring.security.oauth2.resourceserver.jwt.*}.
 *
 * @param jwkSetUri where the issuer publishes its public keys; blank: discovered from the issuer
 * @param issuer the exact {@code iss} every token must carry (required to verify tokens)
 * @param audience a value {@code aud} must contain
 * @param algorithms the asymmetric JWS algorithms accepted (HMAC and {@code none} never are)
 * @param rolesClaim the claim holding the role list; a dotted path ({@code realm_access.roles}) for nested claims
 * @param organizerClaim the claim holding the organizer id
 */
public record JwtSettings(String jwkSetUri, String issuer, String audience, List<String> algorithms,
                          String rolesClaim, String organizerClaim) {

    private static final List<String> ASYMMETRIC = List.of("RS256", "RS384", "RS512", "ES256", "ES384", "ES512",
            "PS256", "PS384", "PS512");

    public JwtSettings {
        for (String algorithm : algorithms) {
            if (!ASYMMETRIC.contains(algorithm)) {
                throw new IllegalStateException("taquilla.security.jwt.algorithms may only name asymmetric algorithms "
                        + ASYMMETRIC + ", not " + algorithm + ": no service holds a shared signing secret");
            }
        }
    }

    /** Refuses to verify anything without an issuer to check tokens against. */
    public JwtSettings requireIssuer() {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalStateException("No token issuer configured: set TAQUILLA_ISSUER "
                    + "(taquilla.security.jwt.issuer) or spring.security.oauth2.resourceserver.jwt.issuer-uri");
        }
        return this;
    }

    public static JwtSettings from(Environment env) {
        String spring = "spring.security.oauth2.resourceserver.jwt.";
        String jwkSetUri = first(env, "taquilla.security.jwt.jwk-set-uri", spring + "jwk-set-uri", "");
        String issuer = first(env, "taquilla.security.jwt.issuer", spring + "issuer-uri", "");
        String audience = first(env, "taquilla.security.jwt.audience", spring + "audiences", "taquilla-api");
        String algorithms = first(env, "taquilla.security.jwt.algorithms", spring + "jws-algorithms",
                env.getProperty("TAQUILLA_JWT_ALGORITHMS", "RS256,ES256"));
        return new JwtSettings(jwkSetUri.trim(), issuer.trim(), audience.split(",")[0].trim(),
                Arrays.stream(algorithms.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList(),
                first(env, "taquilla.security.jwt.roles-claim", "TAQUILLA_JWT_ROLES_CLAIM", "roles"),
                first(env, "taquilla.security.jwt.organizer-claim", "TAQUILLA_JWT_ORGANIZER_CLAIM", "org"));
    }

    private static String first(Environment env, String name, String fallback, String otherwise) {
        String value = env.getProperty(name);
        if (value != null && !value.isBlank()) {
            return value;
        }
        value = env.getProperty(fallback);
        return value != null && !value.isBlank() ? value : otherwise;
    }
}
