package io.taquilla.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Its own context: every upstream points at a port nobody listens on. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UpstreamOutageTest {

    @DynamicPropertySource
    static void nobodyHome(DynamicPropertyRegistry registry) throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        for (String service : new String[] {"catalog", "order", "payment", "ticketing", "scanner", "notification"}) {
            registry.add("taquilla.gateway.upstreams." + service, () -> "http://127.0.0.1:" + closed);
        }
    }

    @LocalServerPort
    int port;

    @Test
    void anUnreachableServiceIs503ProblemJsonNamingIt() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/events/8d6f0c4e-6a0e-4a55-9d43-4f6f3d1f7a10/availability")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.body())
                .contains("https://taquilla.io/problems/upstream-unavailable")
                .contains("\"service\":\"order-service\"")
                .doesNotContain("Exception");
    }
}
