package io.taquilla.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taquilla.contracts.ticketing.TicketsIssued;
import io.taquilla.messaging.EventJson;
import io.taquilla.testsupport.IntegrationTest;
import io.taquilla.testsupport.TestTokens;
import java.time.Duration;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClient;

/**
 * A sender that crashed leaves its delivery SENDING. Another dispatcher takes it over only once the
 * claim has lapsed, and sends it once; a claim still running is left alone (and cannot be resent).
 */
@IntegrationTest
class DispatcherTakeoverTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired Jdbi jdbi;
    @LocalServerPort int port;

    @Test
    void aLapsedSendingClaimIsTakenOverAndSentOnceWhileALiveClaimIsLeftAlone() {
        DeliveryRows rows = new DeliveryRows(jdbi);
        String crashedEmail = TestEvents.email();
        UUID crashedOrder = UUID.randomUUID();
        String liveEmail = TestEvents.email();
        UUID liveOrder = UUID.randomUUID();
        UUID liveDelivery = UUID.randomUUID();

        insertSending(UUID.randomUUID(), TestEvents.ticketsIssued(crashedOrder, "Crash", "Ada", crashedEmail, null, 1),
                "clock_timestamp() - interval '1 second'");
        insertSending(liveDelivery, TestEvents.ticketsIssued(liveOrder, "Live", "Bo", liveEmail, null, 1),
                "clock_timestamp() + interval '1 hour'");

        await().atMost(WAIT).until(() -> "SENT".equals(rows.status(crashedOrder, "TICKETS", "EMAIL")));
        assertThat(rows.single(crashedOrder, "TICKETS", "EMAIL")).containsEntry("attempts", 2);
        assertThat(TestMailServer.messagesTo(crashedEmail)).hasSize(1);

        assertThat(rows.status(liveOrder, "TICKETS", "EMAIL")).isEqualTo("SENDING");
        assertThat(TestMailServer.messagesTo(liveEmail)).isEmpty();
        String admin = TestTokens.platformAdmin();
        var resend = RestClient.create("http://localhost:" + port).post()
                .uri("/api/admin/notifications/{id}/resend", liveDelivery)
                .header("Authorization", "Bearer " + admin)
                .retrieve().onStatus(s -> true, (req, res) -> { }).toEntity(String.class);
        assertThat(resend.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(resend.getBody()).contains("delivery-in-flight");
        // Against a persistent database, the live claim would lapse in an hour and be sent.
        jdbi.useHandle(h -> h.execute("delete from delivery where id = ?", liveDelivery));
    }

    private void insertSending(UUID id, TicketsIssued issued, String claimLapsesAt) {
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into delivery (id, order_id, kind, channel, recipient, status, attempts, next_attempt_at,
                                              source_event_id, source_event_type, payload)
                        values (:id, :orderId, 'TICKETS', 'EMAIL', :recipient, 'SENDING', 1, <lapses>,
                                :eventId, 'TicketsIssued', cast(:payload as jsonb))
                        """)
                .define("lapses", claimLapsesAt)
                .bind("id", id)
                .bind("orderId", issued.orderId())
                .bind("recipient", issued.customer().email())
                .bind("eventId", issued.eventId())
                .bind("payload", EventJson.MAPPER.writeValueAsString(issued))
                .execute());
    }
}
