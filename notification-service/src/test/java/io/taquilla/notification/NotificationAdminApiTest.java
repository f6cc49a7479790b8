package io.taquilla.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taquilla.testsupport.IntegrationTest;
import io.taquilla.testsupport.TestTokens;
import java.time.Duration;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** {@code /api/admin/notifications}: role admin only, lists an order's deliveries, resends one. */
@IntegrationTest
class NotificationAdminApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort int port;
    @Autowired Jdbi jdbi;

    @Test
    void listsTheDeliveriesOfAnOrderAndResendsOne() {
        String email = TestEvents.email();
        UUID orderId = UUID.randomUUID();
        DeliveryRows rows = new DeliveryRows(jdbi);
        TestEvents.publishTickets(TestEvents.ticketsIssued(orderId, "Admin Night", "Eva", email, "+34600999888", 1));
        await().atMost(WAIT).until(() -> "SENT".equals(rows.status(orderId, "TICKETS", "EMAIL"))
                && "SKIPPED".equals(rows.status(orderId, "TICKETS", "SMS")));

        ResponseEntity<String> list = get("/api/admin/notifications?orderId=" + orderId, admin());
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(list.getBody()).contains("\"kind\":\"TICKETS\"", "\"channel\":\"EMAIL\"", "\"status\":\"SENT\"",
                "\"channel\":\"SMS\"", "\"status\":\"SKIPPED\"", "\"attemptLog\"", email)
                .doesNotContain("qrToken");

        UUID emailDelivery = (UUID) rows.single(orderId, "TICKETS", "EMAIL").get("id");
        ResponseEntity<String> resend = post("/api/admin/notifications/" + emailDelivery + "/resend", admin());
        assertThat(resend.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(resend.getBody()).contains("\"status\":\"PENDING\"", "\"resends\":1");
        await().atMost(WAIT).until(() -> TestMailServer.messagesTo(email).size() == 2
                && "SENT".equals(rows.status(orderId, "TICKETS", "EMAIL")));
        assertThat(get("/api/admin/notifications?orderId=" + orderId, admin()).getBody())
                .contains("\"outcome\":\"SENT\"");
    }

    @Test
    void deliveriesAndSendLatencyAreOnTheMetricsEndpoint() {
        String email = TestEvents.email();
        UUID orderId = UUID.randomUUID();
        DeliveryRows rows = new DeliveryRows(jdbi);
        TestEvents.publishTickets(TestEvents.ticketsIssued(orderId, "Metrics Live", "Rita", email, null, 1));
        await().atMost(WAIT).until(() -> "SENT".equals(rows.status(orderId, "TICKETS", "EMAIL")));

        String metrics = get("/actuator/prometheus", null).getBody();
        assertThat(metrics).contains(
                "taquilla_notification_deliveries_total{application=\"notification-service\",channel=\"EMAIL\",kind=\"TICKETS\",status=\"SENT\"}",
                "taquilla_notification_deliveries_total{application=\"notification-service\",channel=\"EMAIL\",kind=\"TICKETS\",status=\"PENDING\"}",
                "taquilla_notification_send_latency_seconds_bucket{application=\"notification-service\",channel=\"EMAIL\",outcome=\"success\"",
                "taquilla_notification_delivery_latency_seconds_count",
                "taquilla_notification_due");
    }

    @Test
    void anOrderWithoutDeliveriesListsNone() {
        ResponseEntity<String> list = get("/api/admin/notifications?orderId=" + UUID.randomUUID(), admin());
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(list.getBody()).isEqualTo("[]");
    }

    @Test
    void withoutATokenItIs401AndWithoutTheAdminRoleItIs403() {
        String path = "/api/admin/notifications?orderId=" + UUID.randomUUID();
        ResponseEntity<String> anonymous = get(path, null);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().getContentType().toString()).contains("problem+json");
        ResponseEntity<String> door = get(path, TestTokens.door(UUID.randomUUID(), "gate-1"));
        assertThat(door.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("/api/admin/notifications/" + UUID.randomUUID() + "/resend", null).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get(path, TestTokens.hs256()).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void badInputIsAProblemNotAnError() {
        ResponseEntity<String> missing = get("/api/admin/notifications", admin());
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getHeaders().getContentType().toString()).contains("problem+json");
        assertThat(get("/api/admin/notifications?orderId=not-a-uuid", admin()).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post("/api/admin/notifications/not-a-uuid/resend", admin()).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<String> unknown = post("/api/admin/notifications/" + UUID.randomUUID() + "/resend", admin());
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody()).contains("https://taquilla.io/problems/delivery-not-found");
    }

    private String admin() {
        return TestTokens.platformAdmin();
    }

    private ResponseEntity<String> get(String path, String token) {
        return exchange(RestClient.create("http://localhost:" + port).get().uri(path), token);
    }

    private ResponseEntity<String> post(String path, String token) {
        return exchange(RestClient.create("http://localhost:" + port).post().uri(path), token);
    }

    private static ResponseEntity<String> exchange(RestClient.RequestHeadersSpec<?> request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.retrieve().onStatus(status -> true, (req, res) -> { }).toEntity(String.class);
    }
}
