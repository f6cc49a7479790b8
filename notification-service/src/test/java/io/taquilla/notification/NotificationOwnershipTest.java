package io.taquilla.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taquilla.contracts.Topics;
import io.taquilla.contracts.catalog.EventPublished;
import io.taquilla.contracts.catalog.EventSnapshot;
import io.taquilla.contracts.catalog.Venue;
import io.taquilla.contracts.ticketing.TicketsIssued;
import io.taquilla.testsupport.IntegrationTest;
import io.taquilla.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** Both notification admin routes, as the owning organizer's staff, another organizer and a platform admin. */
@IntegrationTest
class NotificationOwnershipTest {

    @LocalServerPort int port;
    @Autowired Jdbi jdbi;

    final UUID owner = UUID.randomUUID();
    final UUID other = UUID.randomUUID();
    final UUID orderId = UUID.randomUUID();
    final String email = TestEvents.email();
    UUID delivery;

    @BeforeEach
    void ticketsWereEmailed() {
        UUID event = UUID.randomUUID();
        Instant starts = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        TestEvents.publish(Topics.CATALOG_EVENT, new EventPublished(UUID.randomUUID(), Instant.now(), new EventSnapshot(
                event, owner, "e-" + event, "Owned night", "", new Venue("Sala", "Calle 1", "Madrid", "Europe/Madrid"),
                starts, starts.minus(1, ChronoUnit.HOURS), Instant.now(), starts, 100, "PUBLISHED", 1, List.of())));
        TicketsIssued t = TestEvents.ticketsIssued(orderId, "Owned night", "Eva", email, null, 1);
        TestEvents.publishTickets(new TicketsIssued(t.eventId(), t.occurredAt(), t.orderId(), event, t.eventName(),
                t.venueName(), t.eventStartsAt(), t.customer(), t.tickets()));
        DeliveryRows rows = new DeliveryRows(jdbi);
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(rows.status(orderId, "TICKETS", "EMAIL"))
                && jdbi.withHandle(h -> h.createQuery("select count(*) from event_owner where catalog_event_id = :e")
                .bind("e", event).mapTo(Integer.class).one()) == 1);
        delivery = (UUID) rows.single(orderId, "TICKETS", "EMAIL").get("id");
    }

    @Test
    void anotherOrganizerSeesNoDeliveriesAndCannotResend() {
        for (String intruder : List.of(TestTokens.organizerAdmin(other), TestTokens.organizerStaff(other))) {
            ResponseEntity<String> list = get("/api/admin/notifications?orderId=" + orderId, intruder);
            assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(list.getBody()).isEqualTo("[]");
            ResponseEntity<String> resend = post("/api/admin/notifications/" + delivery + "/resend", intruder);
            assertThat(resend.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(resend.getBody()).contains("delivery-not-found").doesNotContain(email);
        }
        assertThat(TestMailServer.messagesTo(email)).hasSize(1);
    }

    @Test
    void theOwnersStaffSeeAndResend() {
        ResponseEntity<String> list = get("/api/admin/notifications?orderId=" + orderId, TestTokens.organizerStaff(owner));
        assertThat(list.getBody()).contains(email, "\"kind\":\"TICKETS\"");
        ResponseEntity<String> resend = post("/api/admin/notifications/" + delivery + "/resend", TestTokens.organizerStaff(owner));
        assertThat(resend.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(30)).until(() -> TestMailServer.messagesTo(email).size() == 2);
        assertThat(get("/api/admin/notifications?orderId=" + orderId, TestTokens.platformAdmin()).getBody()).contains(email);
        assertThat(get("/api/admin/notifications?orderId=" + orderId, TestTokens.door(owner, "door-1")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private ResponseEntity<String> get(String path, String token) {
        return exchange(RestClient.create("http://localhost:" + port).get().uri(path), token);
    }

    private ResponseEntity<String> post(String path, String token) {
        return exchange(RestClient.create("http://localhost:" + port).post().uri(path), token);
    }

    private static ResponseEntity<String> exchange(RestClient.RequestHeadersSpec<?> request, String token) {
        request.header("Authorization", TestTokens.bearer(token));
        return request.retrieve().onStatus(status -> true, (req, res) -> { }).toEntity(String.class);
    }
}
