package io.taquilla.ticketing.signing;

import static io.taquilla.ticketing.TicketingFixture.confirmed;
import static io.taquilla.ticketing.TicketingFixture.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taquilla.contracts.Topics;
import io.taquilla.contracts.ordering.OrderConfirmed;
import io.taquilla.contracts.ticketing.SigningKeyPublished;
import io.taquilla.testsupport.IntegrationTest;
import io.taquilla.ticketing.TicketingFixture;
import io.taquilla.ticketing.issuing.IssueTickets;
import io.taquilla.tickettoken.QrTokenVerifier;
import io.taquilla.testsupport.TestTokens;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class SigningKeysApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired Jdbi jdbi;
    @Autowired IssueTickets issueTickets;

    @Test
    void publicKeysAreServedAsJsonWithoutAnyPrivateMaterial() {
        ResponseEntity<String> response = http().get().uri("/api/ticketing/keys").retrieve().toEntity(String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.getBody());
        assertThat(body.get("tokenFormat").asString()).isEqualTo("taquilla-qr-v1");
        String active = body.get("activeKeyId").asString();
        JsonNode activeKey = body.get("keys").valueStream().filter(k -> k.get("keyId").asString().equals(active))
                .findFirst().orElseThrow();
        assertThat(activeKey.get("algorithm").asString()).isEqualTo("Ed25519");
        assertThat(activeKey.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(Base64.getDecoder().decode(activeKey.get("publicKey").asString())).hasSize(32);
        assertThat(response.getBody()).doesNotContainIgnoringCase("private");
    }

    @Test
    void rotationNeedsAPlatformAdmin() {
        ResponseEntity<String> anonymous = http().post().uri("/api/admin/ticketing/keys/rotate").retrieve().toEntity(String.class);
        ResponseEntity<String> door = http().post().uri("/api/admin/ticketing/keys/rotate")
                .header("Authorization", "Bearer " + TestTokens.door(UUID.randomUUID(), "gate-1"))
                .retrieve().toEntity(String.class);
        ResponseEntity<String> forged = http().post().uri("/api/admin/ticketing/keys/rotate")
                .header("Authorization", "Bearer " + TestTokens.hs256())
                .retrieve().toEntity(String.class);
        UUID organizer = UUID.randomUUID();
        for (String organizerRole : new String[] {TestTokens.organizerAdmin(organizer), TestTokens.organizerStaff(organizer)}) {
            ResponseEntity<String> refused = http().post().uri("/api/admin/ticketing/keys/rotate")
                    .header("Authorization", "Bearer " + organizerRole).retrieve().toEntity(String.class);
            assertThat(refused.getStatusCode().value()).isEqualTo(403);
            assertThat(refused.getBody()).contains("forbidden");
        }

        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertThat(door.getStatusCode().value()).isEqualTo(403);
        assertThat(forged.getStatusCode().value()).isEqualTo(401);
        assertThat(anonymous.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    }

    @Test
    void afterRotationNewTicketsUseTheNewKeyAndOldTicketsStillVerifyWithThePublishedKeys() {
        String before = tokenOfNewTicket();
        String oldKeyId = JSON.readTree(http().get().uri("/api/ticketing/keys").retrieve().body(String.class))
                .get("activeKeyId").asString();

        ResponseEntity<String> rotated = http().post().uri("/api/admin/ticketing/keys/rotate")
                .header("Authorization", "Bearer " + TestTokens.platformAdmin())
                .retrieve().toEntity(String.class);
        assertThat(rotated.getStatusCode().value()).isEqualTo(201);
        String newKeyId = JSON.readTree(rotated.getBody()).get("keyId").asString();
        String after = tokenOfNewTicket();

        JsonNode keys = JSON.readTree(http().get().uri("/api/ticketing/keys").retrieve().body(String.class));
        assertThat(keys.get("activeKeyId").asString()).isEqualTo(newKeyId).isNotEqualTo(oldKeyId);
        assertThat(status(keys, oldKeyId)).isEqualTo("RETIRED");
        assertThat(keys.get("keys").valueStream().filter(k -> k.get("keyId").asString().equals(oldKeyId))
                .findFirst().orElseThrow().get("retiredAt").isNull()).isFalse();
        // A scanner that knows only what GET /api/ticketing/keys publishes.
        QrTokenVerifier scanner = new QrTokenVerifier(keys.get("keys").valueStream()
                .map(k -> new QrTokenVerifier.VerificationKey(k.get("keyId").asString(),
                        QrTokenVerifier.Algorithm.fromWireName(k.get("algorithm").asString()),
                        Base64.getDecoder().decode(k.get("publicKey").asString())))
                .toList());
        assertThat(scanner.verify(before).valid()).isTrue();
        assertThat(scanner.verify(before).claims().keyId()).isEqualTo(oldKeyId);
        assertThat(scanner.verify(after).valid()).isTrue();
        assertThat(scanner.verify(after).claims().keyId()).isEqualTo(newKeyId);

        TicketingFixture fixture = new TicketingFixture(jdbi);
        SigningKeyPublished published = TicketingFixture.read(
                fixture.awaitRecords(Topics.TICKETING_SIGNING_KEY, newKeyId, "SigningKeyPublished").get(0),
                SigningKeyPublished.class);
        assertThat(published.status()).isEqualTo("ACTIVE");
        assertThat(published.algorithm()).isEqualTo("Ed25519");
        assertThat(published.publicKey()).isEqualTo(keys.get("keys").valueStream()
                .filter(k -> k.get("keyId").asString().equals(newKeyId)).findFirst().orElseThrow().get("publicKey").asString());
        // Keyed by key id, so the latest record of the old key is its current state: retired.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<SigningKeyPublished> oldKeyStates = fixture.records(Topics.TICKETING_SIGNING_KEY, oldKeyId).stream()
                    .map(r -> TicketingFixture.read(r, SigningKeyPublished.class)).toList();
            assertThat(oldKeyStates).isNotEmpty();
            assertThat(oldKeyStates.get(oldKeyStates.size() - 1).status()).isEqualTo("RETIRED");
            assertThat(oldKeyStates.get(oldKeyStates.size() - 1).retiredAt()).isNotNull();
        });
    }

    private String tokenOfNewTicket() {
        OrderConfirmed order = confirmed(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), List.of(line("GA", 1, 100)));
        jdbi.useTransaction(handle -> issueTickets.apply(handle, order));
        return jdbi.withHandle(h -> h.createQuery("select qr_token from tickets where order_id = :id")
                .bind("id", order.orderId()).mapTo(String.class).one());
    }

    private static String status(JsonNode keys, String keyId) {
        return keys.get("keys").valueStream().filter(k -> k.get("keyId").asString().equals(keyId))
                .findFirst().orElseThrow().get("status").asString();
    }

    private RestClient http() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }
}
