package io.taquilla.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class CorsTest extends GatewayTest {

    private HttpResponse<String> preflight(String origin, String method) {
        return send(request("/api/orders")
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "content-type, authorization")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }

    @Test
    void preflightFromThePurchaseSiteIsAllowed() {
        HttpResponse<String> response = preflight("https://tickets.example.com", "POST");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://tickets.example.com");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("POST");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
                .contains("content-type").contains("authorization");
    }

    @Test
    void everyConfiguredOriginIsAllowed() {
        assertThat(preflight("http://localhost:3000", "GET").headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("http://localhost:3000");
    }

    @Test
    void preflightFromAnotherOriginIsRefused() {
        HttpResponse<String> response = preflight("https://evil.example.net", "POST");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void actualRequestsGetCorsHeadersAndTheServiceNeverSeesTheOrigin() {
        HttpResponse<String> response = send(request("/api/events/cors-check")
                .header("Origin", "https://tickets.example.com").GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://tickets.example.com");
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers").orElse(""))
                .contains("X-Correlation-Id").contains("Retry-After");
        assertThat(upstream("catalog").last("/api/events/cors-check").header("Origin")).isNull();
    }
}
