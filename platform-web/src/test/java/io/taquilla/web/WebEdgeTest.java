package io.taquilla.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.taquilla.web.security.AuthorizationRules;
import io.taquilla.web.security.DevTokens;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

@SpringBootTest(classes = WebEdgeTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebEdgeTest {

    record Buyer(@Email String email, @Min(1) int quantity) {}

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @RestController
    static class App {
        @Bean
        AuthorizationRules doorRules() {
            return rules -> rules.requestMatchers("/api/scans/**").hasRole("door");
        }

        @GetMapping("/api/admin/things")
        String adminThing() {
            return "admin ok";
        }

        @PostMapping("/api/scans")
        String scan() {
            return "scan ok";
        }

        @PostMapping("/api/buyers")
        Buyer buyer(@Valid @RequestBody Buyer buyer) {
            return buyer;
        }

        @GetMapping("/api/things/{id}")
        String thing(@PathVariable UUID id) {
            throw ApiProblem.notFound("Thing", id);
        }

        @GetMapping("/api/needs-header")
        String needsHeader(@org.springframework.web.bind.annotation.RequestHeader("Idempotency-Key") String key) {
            return key;
        }

        @GetMapping("/api/sold-out")
        String soldOut() {
            throw new ApiProblem(HttpStatus.CONFLICT, "sold-out", "Sold out", "Only 2 left").with("available", 2);
        }
    }

    @LocalServerPort int port;

    private RestClient http() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    private static String token(String... roles) {
        return "Bearer " + DevTokens.mint(DevTokens.DEV_SECRET, "tester", Duration.ofMinutes(5), roles);
    }

    @Test
    void adminPathsNeedTheAdminRole() {
        ResponseEntity<String> none = http().get().uri("/api/admin/things").retrieve().toEntity(String.class);
        assertThat(none.getStatusCode().value()).isEqualTo(401);
        assertThat(none.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(none.getBody()).contains("\"type\":\"https://taquilla.io/problems/unauthorized\"");

        ResponseEntity<String> door = http().get().uri("/api/admin/things").header("Authorization", token("door"))
                .retrieve().toEntity(String.class);
        assertThat(door.getStatusCode().value()).isEqualTo(403);
        assertThat(door.getBody()).contains("forbidden");

        ResponseEntity<String> admin = http().get().uri("/api/admin/things").header("Authorization", token("admin"))
                .retrieve().toEntity(String.class);
        assertThat(admin.getStatusCode().value()).isEqualTo(200);
        assertThat(admin.getBody()).isEqualTo("admin ok");
    }

    @Test
    void serviceRulesApplyAndForgedOrExpiredTokensAreRejected() {
        assertThat(http().post().uri("/api/scans").header("Authorization", token("door")).retrieve().toEntity(String.class)
                .getStatusCode().value()).isEqualTo(200);
        assertThat(http().post().uri("/api/scans").header("Authorization", token("admin")).retrieve().toEntity(String.class)
                .getStatusCode().value()).isEqualTo(403);
        String forged = "Bearer " + DevTokens.mint("another-secret-that-is-long-enough-0123456789", "x", Duration.ofMinutes(5), "door");
        assertThat(http().post().uri("/api/scans").header("Authorization", forged).retrieve().toEntity(String.class)
                .getStatusCode().value()).isEqualTo(401);
        String expired = "Bearer " + DevTokens.mint(DevTokens.DEV_SECRET, "x", java.time.Instant.now().minusSeconds(3600), Duration.ofMinutes(5), "door");
        assertThat(http().post().uri("/api/scans").header("Authorization", expired).retrieve().toEntity(String.class)
                .getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void badInputIsAProblemNeverAStackTrace() {
        ResponseEntity<String> malformed = http().post().uri("/api/buyers").contentType(MediaType.APPLICATION_JSON)
                .body("{\"email\": ").retrieve().toEntity(String.class);
        assertThat(malformed.getStatusCode().value()).isEqualTo(400);
        assertThat(malformed.getBody()).contains("malformed-body").doesNotContain("Exception");

        ResponseEntity<String> invalid = http().post().uri("/api/buyers").contentType(MediaType.APPLICATION_JSON)
                .body("{\"email\": \"not-an-email\", \"quantity\": 0}").retrieve().toEntity(String.class);
        assertThat(invalid.getStatusCode().value()).isEqualTo(400);
        assertThat(invalid.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(invalid.getBody()).contains("\"field\":\"email\"", "\"field\":\"quantity\"");

        ResponseEntity<String> badId = http().get().uri("/api/things/not-a-uuid").retrieve().toEntity(String.class);
        assertThat(badId.getStatusCode().value()).isEqualTo(400);
        assertThat(badId.getBody()).contains("https://taquilla.io/problems/invalid-parameter", "\"field\":\"id\"");

        ResponseEntity<String> noHeader = http().get().uri("/api/needs-header").retrieve().toEntity(String.class);
        assertThat(noHeader.getStatusCode().value()).isEqualTo(400);
        assertThat(noHeader.getBody()).contains("https://taquilla.io/problems/missing-parameter", "Idempotency-Key");

        ResponseEntity<String> missing = http().get().uri("/api/things/" + UUID.randomUUID()).retrieve().toEntity(String.class);
        assertThat(missing.getStatusCode().value()).isEqualTo(404);
        assertThat(missing.getBody()).contains("https://taquilla.io/problems/not-found");

        ResponseEntity<String> conflict = http().get().uri("/api/sold-out").retrieve().toEntity(String.class);
        assertThat(conflict.getStatusCode().value()).isEqualTo(409);
        assertThat(conflict.getBody()).contains("\"available\":2", "sold-out");
    }

    @Test
    void correlationIdsAreKeptOrCreated() {
        ResponseEntity<String> given = http().get().uri("/api/sold-out").header(CorrelationIdFilter.HEADER, "abc-123")
                .retrieve().toEntity(String.class);
        assertThat(given.getHeaders().getFirst(CorrelationIdFilter.HEADER)).isEqualTo("abc-123");
        ResponseEntity<String> created = http().get().uri("/api/sold-out").retrieve().toEntity(String.class);
        assertThat(created.getHeaders().getFirst(CorrelationIdFilter.HEADER)).hasSizeGreaterThan(10);
        ResponseEntity<String> hostile = http().get().uri("/api/sold-out").header(CorrelationIdFilter.HEADER, "a\"b<script>")
                .retrieve().toEntity(String.class);
        assertThat(hostile.getHeaders().getFirst(CorrelationIdFilter.HEADER)).doesNotContain("<");
    }

    @Test
    void orderAccessTokensVerifyOnlyTheirOrder() {
        OrderAccessTokens tokens = new OrderAccessTokens("a-secret-of-at-least-thirty-two-chars!!");
        UUID order = UUID.randomUUID();
        String token = tokens.tokenFor(order);
        assertThat(tokens.verify(order, token)).isTrue();
        assertThat(tokens.verify(UUID.randomUUID(), token)).isFalse();
        assertThat(tokens.verify(order, token.substring(1))).isFalse();
        assertThat(tokens.verify(order, "%%%")).isFalse();
        assertThat(tokens.verify(order, null)).isFalse();
        assertThat(new OrderAccessTokens("another-secret-of-at-least-thirty-two!!").verify(order, token)).isFalse();
    }
}
