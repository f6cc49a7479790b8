package io.taquilla.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.databind.json.JsonMapper;

/**
 * Token buckets per (rule, client) on order creation and scans. A client over its limit gets 429
 * problem+json with {@code Retry-After} and the request never reaches the service. Buckets live in
 * this instance's memory (bounded, idle ones expire): with N gateway replicas a client gets at most
 * N times the limit, which is fine for abuse protection and needs no shared store.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    static final String PROBLEM_TYPE = "https://taquilla.io/problems/rate-limited";

    private record LimitedEndpoint(String name, String method, PathPattern path, RateLimitProperties.Rule rule, Counter rejected) {}

    private final List<LimitedEndpoint> endpoints;
    private final boolean trustForwardedFor;
    private final Cache<String, Bucket> buckets;
    private final JsonMapper json;

    public RateLimitFilter(RateLimitProperties properties, JsonMapper json, MeterRegistry meters) {
        this.json = json;
        this.trustForwardedFor = properties.trustForwardedFor();
        this.endpoints = properties.rules().entrySet().stream()
                .map(e -> new LimitedEndpoint(e.getKey(), e.getValue().method().toUpperCase(),
                        PathPatternParser.defaultInstance.parse(e.getValue().path()), e.getValue(),
                        Counter.builder("taquilla.gateway.rate.limited")
                                .description("Requests refused with 429 because the client exceeded its limit")
                                .tag("rule", e.getKey())
                                .register(meters)))
                .toList();
        Duration longest = endpoints.stream().map(e -> e.rule().per()).max(Duration::compareTo).orElse(Duration.ofMinutes(1));
        this.buckets = Caffeine.newBuilder()
                .maximumSize(properties.maxTrackedClients())
                .expireAfterAccess(longest.multipliedBy(2))
                .build();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        LimitedEndpoint endpoint = match(request);
        if (endpoint == null) {
            chain.doFilter(request, response);
            return;
        }
        String client = ClientAddress.of(request, trustForwardedFor);
        Bucket bucket = buckets.get(endpoint.name() + '|' + client, key -> newBucket(endpoint.rule()));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            response.setHeader("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
            chain.doFilter(request, response);
            return;
        }
        endpoint.rejected().increment();
        reject(response, endpoint, probe);
    }

    private LimitedEndpoint match(HttpServletRequest request) {
        String method = request.getMethod();
        PathContainer path = PathContainer.parsePath(withoutTrailingSlash(request.getRequestURI()));
        for (LimitedEndpoint endpoint : endpoints) {
            if (endpoint.method().equals(method) && endpoint.path().matches(path)) {
                return endpoint;
            }
        }
        return null;
    }

    private static String withoutTrailingSlash(String uri) {
        return uri.length() > 1 && uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    private static Bucket newBucket(RateLimitProperties.Rule rule) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(rule.requests()).refillGreedy(rule.requests(), rule.per()).build())
                .build();
    }

    private void reject(HttpServletResponse response, LimitedEndpoint endpoint, ConsumptionProbe probe) throws IOException {
        long retryAfterSeconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", PROBLEM_TYPE);
        problem.put("title", "Too many requests");
        problem.put("status", 429);
        problem.put("detail", "Too many requests from this client to " + endpoint.method() + " " + endpoint.rule().path()
                + ": at most " + endpoint.rule().requests() + " per " + endpoint.rule().per().toSeconds()
                + " s. Try again in " + retryAfterSeconds + " s.");
        problem.put("retryAfterSeconds", retryAfterSeconds);
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
