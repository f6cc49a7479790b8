package io.taquilla.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base for gateway tests: the whole gateway on a random port in front of seven stub services. Every
 * test class shares the one Spring context (same properties), so the rate limits are low here and
 * tests that must stay under them use their own client address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "taquilla.gateway.rate-limit.rules.orders.requests=3",
        "taquilla.gateway.rate-limit.rules.scans.requests=5",
        "taquilla.gateway.cors.allowed-origins=https://tickets.example.com, http://localhost:3000"})
abstract class GatewayTest {

    static final Map<String, StubUpstream> UPSTREAMS = new LinkedHashMap<>();

    static {
        for (String service : new String[] {"catalog", "order", "payment", "ticketing", "scanner", "notification", "identity"}) {
            UPSTREAMS.put(service, new StubUpstream(service));
        }
    }

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        UPSTREAMS.forEach((service, stub) -> registry.add("taquilla.gateway.upstreams." + service, stub::url));
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    static StubUpstream upstream(String service) {
        return UPSTREAMS.get(service);
    }

    /** A client address of its own, so one test's requests never count against another's limit. */
    static String freshClient() {
        return "client-" + UUID.randomUUID();
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(request(pathAndQuery).header("X-Forwarded-For", freshClient()).GET());
    }

    HttpResponse<String> post(String pathAndQuery, String client, String json) {
        return send(request(pathAndQuery).header("X-Forwarded-For", client).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }
}
