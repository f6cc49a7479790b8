package io.taquilla.identity;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code taquilla.identity.*}: issuer, token lifetimes, lockout, key rotation and the script client.
 *
 * @param issuer              the {@code iss} of every token (the public gateway URL)
 * @param publicBaseUrl       where people open invitation/reset links and where console and door app live
 * @param extraRedirectUris   more redirect URIs accepted for the console and door app (development)
 */
@ConfigurationProperties("taquilla.identity")
public record IdentityProperties(
        String issuer,
        String publicBaseUrl,
        String audience,
        Duration accessTokenTtl,
        Duration doorRefreshTokenTtl,
        Duration invitationTtl,
        Duration passwordResetTtl,
        int passwordMinLength,
        List<String> extraRedirectUris,
        Lockout lockout,
        Keys keys,
        CliClient cliClient) {

    /** Longest access token the contract allows. */
    public static final Duration MAX_ACCESS_TOKEN_TTL = Duration.ofMinutes(15);

    public IdentityProperties {
        if (accessTokenTtl == null || accessTokenTtl.compareTo(MAX_ACCESS_TOKEN_TTL) > 0 || accessTokenTtl.isNegative()) {
            throw new IllegalArgumentException("taquilla.identity.access-token-ttl must be at most 15 minutes");
        }
        extraRedirectUris = extraRedirectUris == null ? List.of() : List.copyOf(extraRedirectUris);
        publicBaseUrl = stripSlash(publicBaseUrl == null || publicBaseUrl.isBlank() ? issuer : publicBaseUrl);
        issuer = stripSlash(issuer);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** After {@code maxFailures} wrong passwords in a row an address is locked for {@code duration}. */
    public record Lockout(int maxFailures, Duration duration) {}

    /** The active signing key is replaced once it is {@code rotateEvery} old (zero: never by schedule). */
    public record Keys(Duration rotateEvery, Duration checkInterval) {}

    public record CliClient(String clientId, String secret, List<String> roles) {}
}
