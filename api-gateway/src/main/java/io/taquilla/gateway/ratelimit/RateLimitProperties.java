package io.taquilla.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-client limits under {@code taquilla.gateway.rate-limit}.
 *
 * @param trustForwardedFor key clients by the first {@code X-Forwarded-For} hop; right only behind a
 *                          proxy that replaces that header (ingress-nginx does with its defaults), since a
 *                          client could otherwise pick its own key
 * @param rules             limited endpoints by name (e.g. {@code orders}, {@code scans})
 */
@ConfigurationProperties("taquilla.gateway.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean trustForwardedFor,
                                  @DefaultValue("100000") long maxTrackedClients,
                                  Map<String, Rule> rules) {

    public RateLimitProperties {
        rules = rules == null ? Map.of() : Map.copyOf(rules);
    }

    /**
     * @param method   the HTTP method limited, e.g. POST
     * @param path     a Spring path pattern, e.g. {@code /api/scans/**}
     * @param requests how many requests a client may make per {@code per} (also the burst)
     */
    public record Rule(String method, String path, long requests, @DefaultValue("1m") Duration per) {
    }
}
