package io.taquilla.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taquilla.contracts.Topics;
import io.taquilla.contracts.common.Customer;
import io.taquilla.contracts.ordering.OrderExpired;
import io.taquilla.testsupport.IntegrationTest;
import io.taquilla.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClient;

/** The SMTP server goes away (GreenMail stopped) and comes back; test settings: 5 attempts, 100 ms doubling to 1 s. */
@IntegrationTest
class SmtpOutageTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired Jdbi jdbi;
    @LocalServerPort int port;

    @AfterEach
    void smtpIsBack() {
        TestMailServer.start();
    }

    @Test
    void ticketsSentWhileSmtpIsDownArriveExactlyOnceWhenItIsBack() {
        DeliveryRows rows = new DeliveryRows(jdbi);
        String email = TestEvents.email();
        UUID orderId = UUID.randomUUID();

        TestMailServer.stop();
        TestEvents.publishTickets(TestEvents.ticketsIssued(orderId, "Down Fest", "Pau", email, null, 2));
        await().atMost(WAIT).until(() -> {
            Map<String, Object> row = rows.single(orderId, "TICKETS", "EMAIL");
            return "RETRYING".equals(row.get("status")) && ((Integer) row.get("attempts")) >= 2;
        });
        assertThat((String) rows.single(orderId, "TICKETS", "EMAIL").get("last_error")).containsIgnoringCase("connect");
        TestMailServer.start();

        await().atMost(WAIT).until(() -> "SENT".equals(rows.status(orderId, "TICKETS", "EMAIL")));
        assertThat(TestMailServer.messagesTo(email)).hasSize(1);
        assertThat(rows.publishedStatuses(orderId)).startsWith("EMAIL:RETRYING", "EMAIL:RETRYING").endsWith("EMAIL:SENT")
                .doesNotContain("EMAIL:FAILED");
    }

    @Test
    void aDeliveryIsMarkedFailedAfterTheLastAttemptAndAnAdminCanResendIt() {
        DeliveryRows rows = new DeliveryRows(jdbi);
        String email = TestEvents.email();
        UUID orderId = UUID.randomUUID();

        TestMailServer.stop();
        TestEvents.publish(Topics.ORDERING_ORDER, new OrderExpired(UUID.randomUUID(), Instant.now(), orderId,
                UUID.randomUUID(), new Customer(email, "Laia", null)));
        await().atMost(WAIT).until(() -> "FAILED".equals(rows.status(orderId, "ORDER_EXPIRED", "EMAIL")));
        assertThat(rows.single(orderId, "ORDER_EXPIRED", "EMAIL")).containsEntry("attempts", 5);
        assertThat(rows.publishedStatuses(orderId)).containsExactly("EMAIL:RETRYING", "EMAIL:RETRYING",
                "EMAIL:RETRYING", "EMAIL:RETRYING", "EMAIL:FAILED");
        TestMailServer.start();
        assertThat(TestMailServer.messagesTo(email)).isEmpty();

        UUID deliveryId = (UUID) rows.single(orderId, "ORDER_EXPIRED", "EMAIL").get("id");
        String admin = TestTokens.platformAdmin();
        var response = RestClient.create("http://localhost:" + port).post()
                .uri("/api/admin/notifications/{id}/resend", deliveryId)
                .header("Authorization", "Bearer " + admin)
                .retrieve().toEntity(String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

        await().atMost(WAIT).until(() -> "SENT".equals(rows.status(orderId, "ORDER_EXPIRED", "EMAIL")));
        assertThat(TestMailServer.messagesTo(email)).hasSize(1);
        assertThat(rows.single(orderId, "ORDER_EXPIRED", "EMAIL")).containsEntry("resends", 1).containsEntry("attempts", 1);
    }
}
