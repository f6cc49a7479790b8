package io.taquilla.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.taquilla.testsupport.TestTokens;
import io.taquilla.web.security.AuthorizationRules;
import io.taquilla.web.security.StaffCaller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
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

        @GetMapping("/api/admin/whoami")
        Map<String, Object> whoami(StaffCaller caller) {
            return Map.of("subject", caller.subject(), "roles", caller.roles(),
                    "organizerId", String.valueOf(caller.organizerId()), "deviceId", String.valueOf(caller.deviceId()),
                    "events", String.valueOf(caller.events()));
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

    @DynamicPropertySource
    static void trustTestTokens(DynamicPropertyRegistry registry) {
        TestTokens.properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    private RestClient http() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    private static String token(String... roles) {
        return TestTokens.bearer(TestTokens.token().roles(roles).organizer(UUID.randomUUID()).deviceId("gate-1").mint());
    }

    private ResponseEntity<String> get(String path, String token) {
        return http().get().uri(path).header("Authorization", TestTokens.bearer(token)).retrieve().toEntity(String.class);
    }

    @Test
    void adminPathsNeedAStaffRole() {
        ResponseEntity<String> none = http().get().uri("/api/admin/things").retrieve().toEntity(String.class);
        assertThat(none.getStatusCode().value()).isEqualTo(401);
        assertThat(none.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(none.getBody()).contains("\"type\":\"https://taquilla.io/problems/unauthorized\"");

        ResponseEntity<String> door = http().get().uri("/api/admin/things").header("Authorization", token("door"))
                .retrieve().toEntity(String.class);
        assertThat(door.getStatusCode().value()).isEqualTo(403);
        assertThat(door.getBody()).contains("forbidden");

        for (String role : StaffCaller.STAFF_ROLES) {
            ResponseEntity<String> staff = http().get().uri("/api/admin/things").header("Authorization", token(role))
                    .retrieve().toEntity(String.class);
            assertThat(staff.getStatusCode().value()).as(role).isEqualTo(200);
            assertThat(staff.getBody()).isEqualTo("admin ok");
        }
        ResponseEntity<String> noRole = http().get().uri("/api/admin/things").header("Authorization", token())
                .retrieve().toEntity(String.class);
        assertThat(noRole.getStatusCode().value()).isEqualTo(403);
        assertThat(noRole.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    }

    @Test
    void theCallerIsReadFromTheVerifiedToken() {
        UUID org = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        ResponseEntity<String> door = get("/api/admin/whoami", TestTokens.token().subject("staff-7")
                .roles("organizer-staff", "door").organizer(org).deviceId("device-9").events(event).mint());
        assertThat(door.getStatusCode().value()).isEqualTo(200);
        assertThat(door.getBody()).contains("\"subject\":\"staff-7\"", "\"organizerId\":\"" + org + "\"",
                "\"deviceId\":\"device-9\"", event.toString(), "organizer-staff", "door");
    }

    /** Each token is wrong in exactly one way; each is a 401 problem that says why. */
    @Test
    void everyKindOfBadTokenIsA401ProblemSayingWhy() {
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("expired", TestTokens.expired());
        bad.put("aud", TestTokens.otherAudience());
        bad.put("iss", TestTokens.otherIssuer());
        bad.put("key", TestTokens.unknownKey());
        bad.put("none", TestTokens.algNone());
        bad.put("exp", TestTokens.missingExp());
        bad.put("HS256", TestTokens.hs256());
        bad.put("garbage", "not.a.jwt");
        bad.forEach((why, token) -> {
            ResponseEntity<String> refused = get("/api/admin/things", token);
            assertThat(refused.getStatusCode().value()).as(why).isEqualTo(401);
            assertThat(refused.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .as(why).isTrue();
            assertThat(refused.getHeaders().getFirst("WWW-Authenticate")).as(why).contains("invalid_token");
            assertThat(refused.getBody()).as(why).contains("https://taquilla.io/problems/invalid-token",
                    "The bearer token was refused");
            System.out.println("[bad token: " + why + "] " + refused.getBody());
        });
        assertThat(get("/api/admin/things", TestTokens.expired()).getBody()).containsIgnoringCase("expired");
        assertThat(get("/api/admin/things", TestTokens.otherAudience()).getBody()).contains("aud");
        assertThat(get("/api/admin/things", TestTokens.otherIssuer()).getBody()).contains("iss");
        assertThat(get("/api/admin/things", TestTokens.missingExp()).getBody()).contains("exp");
        assertThat(get("/api/admin/things", TestTokens.platformAdmin()).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void serviceRulesApplyAndForgedOrExpiredTokensAreRejected() {
        assertThat(http().post().uri("/api/scans").header("Authorization", token("door")).retrieve().toEntity(String.class)
                .getStatusCode().value()).isEqualTo(200);
        assertThat(http().post().uri("/api/scans").header("Authorization", token("platform-admin")).retrieve().toEntity(String.class)
                .getStatusCode().value()).isEqualTo(403);
        String forged = TestTokens.bearer(TestTokens.unknownKey());
        assertThat(http().post().uri("/api/scans").header("Authorization", forged).retrieve().toEntity(String.class)
                .getStatusCode().value()).isEqualTo(401);
        String expired = TestTokens.bearer(TestTokens.expired());
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
