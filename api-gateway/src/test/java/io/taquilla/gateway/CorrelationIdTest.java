package io.taquilla.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class CorrelationIdTest extends GatewayTest {

    @Test
    void theGatewaysAccessLogCarriesTheId(CapturedOutput output) {
        String path = "/api/events/" + UUID.randomUUID();

        send(request(path).header("X-Correlation-Id", "log-check-" + path.hashCode()).GET());

        // The access line is written once the response has been sent, so it may trail the client.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut()).containsPattern(
                "\\[log-check-" + path.hashCode() + "].*GET " + path + " -> 200"));
    }

    @Test
    void isCreatedAtTheEdgeEchoedAndForwarded() {
        String path = "/api/events/" + UUID.randomUUID();

        HttpResponse<String> response = get(path);

        String id = response.headers().firstValue("X-Correlation-Id").orElseThrow();
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(upstream("catalog").last(path).header("X-Correlation-Id")).isEqualTo(id);
    }

    @Test
    void aCallersIdIsKept() {
        String path = "/api/tickets/orders/" + UUID.randomUUID();

        HttpResponse<String> response = send(request(path).header("X-Correlation-Id", "door-7.req-42").GET());

        assertThat(response.headers().firstValue("X-Correlation-Id")).hasValue("door-7.req-42");
        assertThat(upstream("ticketing").last(path).header("X-Correlation-Id")).isEqualTo("door-7.req-42");
    }

    @Test
    void aMalformedIdIsReplacedNotForwarded() {
        String path = "/api/events/" + UUID.randomUUID();
        String hostile = "x\"; DROP TABLE orders; -- " + "a".repeat(80);

        HttpResponse<String> response = send(request(path).header("X-Correlation-Id", hostile).GET());

        String id = response.headers().firstValue("X-Correlation-Id").orElseThrow();
        assertThat(id).isNotEqualTo(hostile);
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(upstream("catalog").last(path).headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("X-Correlation-Id"))
                .flatMap(e -> e.getValue().stream()).toList()).containsExactly(id);
    }

    @Test
    void rateLimitRefusalsCarryTheIdToo() {
        String client = freshClient();
        for (int i = 0; i < 3; i++) {
            post("/api/orders", client, "{}");
        }

        HttpResponse<String> refused = send(request("/api/orders").header("X-Forwarded-For", client)
                .header("X-Correlation-Id", "buyer-retry-1").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("X-Correlation-Id")).hasValue("buyer-retry-1");
    }
}
