package io.taquilla.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The base context allows 3 orders and 5 scans per client per minute. */
class RateLimitTest extends GatewayTest {

    @Test
    void theFourthOrderInAMinuteIsRefusedWithProblemJsonAndRetryAfter() {
        String client = freshClient();
        for (int i = 0; i < 3; i++) {
            assertThat(post("/api/orders", client, "{}").statusCode()).isEqualTo(200);
        }

        HttpResponse<String> refused = post("/api/orders", client, "{}");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(refused.body())
                .contains("\"type\":\"https://taquilla.io/problems/rate-limited\"")
                .contains("\"status\":429")
                .contains("\"detail\":\"Too many requests");
        assertThat(refused.headers().firstValue("X-Correlation-Id")).isPresent();
    }

    @Test
    void aTrailingSlashDoesNotDodgeTheLimit() {
        String client = freshClient();
        for (int i = 0; i < 3; i++) {
            post("/api/orders", client, "{}");
        }

        assertThat(post("/api/orders/", client, "{}").statusCode()).isEqualTo(429);
    }

    @Test
    void eachClientHasItsOwnBudget() {
        String greedy = freshClient();
        for (int i = 0; i < 4; i++) {
            post("/api/orders", greedy, "{}");
        }

        assertThat(post("/api/orders", greedy, "{}").statusCode()).isEqualTo(429);
        assertThat(post("/api/orders", freshClient(), "{}").statusCode()).isEqualTo(200);
        // Only the first X-Forwarded-For hop names the client.
        assertThat(post("/api/orders", freshClient() + ", " + greedy, "{}").statusCode()).isEqualTo(200);
    }

    @Test
    void readsAndOtherOrderEndpointsAreNotLimited() {
        String client = freshClient();
        for (int i = 0; i < 3; i++) {
            post("/api/orders", client, "{}");
        }

        assertThat(send(request("/api/orders/2b0c4a55-1d0e-4b4f-8d43-1c2d3e4f5a60")
                .header("X-Forwarded-For", client).GET()).statusCode()).isEqualTo(200);
        assertThat(post("/api/orders/2b0c4a55-1d0e-4b4f-8d43-1c2d3e4f5a60/cancel", client, "{}").statusCode()).isEqualTo(200);
    }

    @Test
    void scansHaveTheirOwnLimitIncludingOfflineUploads() {
        String device = freshClient();
        for (int i = 0; i < 4; i++) {
            assertThat(post("/api/scans", device, "{\"qr\":\"x\"}").statusCode()).isEqualTo(200);
        }
        assertThat(post("/api/scans/offline", device, "{\"scans\":[]}").statusCode()).isEqualTo(200);

        HttpResponse<String> refused = post("/api/scans", device, "{\"qr\":\"x\"}");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("rate-limited");
        // The order budget of the same client is untouched.
        assertThat(post("/api/orders", device, "{}").statusCode()).isEqualTo(200);
    }

    @Test
    void refusalsAreCounted() {
        String client = freshClient();
        for (int i = 0; i < 4; i++) {
            post("/api/orders", client, "{}");
        }

        assertThat(get("/actuator/prometheus").body())
                .containsPattern("taquilla_gateway_rate_limited_total\\{[^}]*rule=\"orders\"[^}]*} [1-9]");
    }
}
