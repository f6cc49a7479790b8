package io.taquilla.notification.resend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taquilla.contracts.Topics;
import io.taquilla.contracts.common.Money;
import io.taquilla.contracts.ordering.OrderRefunded;
import io.taquilla.contracts.ticketing.TicketsIssued;
import io.taquilla.notification.ApiCalls;
import io.taquilla.notification.DeliveryRows;
import io.taquilla.notification.TestEvents;
import io.taquilla.notification.TestMailServer;
import io.taquilla.testsupport.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** "Resend my tickets": the tickets emails of every order bought with the address go out again; nothing is revealed. */
@IntegrationTest
class ResendTicketsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort int port;
    @Autowired Jdbi jdbi;
    @Autowired ResendTickets resendTickets;

    ApiCalls api;
    DeliveryRows rows;

    @BeforeEach
    void setUp() {
        api = new ApiCalls(port);
        rows = new DeliveryRows(jdbi);
    }

    private UUID sentTickets(String email) {
        UUID orderId = UUID.randomUUID();
        TestEvents.publishTickets(TestEvents.ticketsIssued(orderId, "Primavera Fest", "Ana", email, null, 1));
        await().atMost(WAIT).until(() -> "SENT".equals(rows.status(orderId, "TICKETS", "EMAIL")));
        return orderId;
    }

    @Test
    void theTicketsEmailsOfEveryOrderOfTheAddressGoOutAgain() {
        String email = TestEvents.email();
        UUID first = sentTickets(email);
        UUID second = sentTickets(email);
        assertThat(TestMailServer.messagesTo(email)).hasSize(2);

        ApiCalls.Response response = api.postJson("/api/tickets/resend", "{\"email\":\" " + email.toUpperCase() + " \"}");

        assertThat(response.status()).isEqualTo(202);
        await().atMost(WAIT).until(() -> TestMailServer.messagesTo(email).size() == 4);
        assertThat(rows.single(first, "TICKETS", "EMAIL")).containsEntry("resends", 1).containsEntry("status", "SENT");
        assertThat(rows.single(second, "TICKETS", "EMAIL")).containsEntry("resends", 1);
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoMail() {
        String known = TestEvents.email();
        sentTickets(known);
        String unknown = TestEvents.email();

        ApiCalls.Response forUnknown = api.postJson("/api/tickets/resend", "{\"email\":\"" + unknown + "\"}");
        ApiCalls.Response forKnown = api.postJson("/api/tickets/resend", "{\"email\":\"" + known + "\"}");

        assertThat(forUnknown.status()).isEqualTo(202);
        assertThat(forUnknown.body()).isEqualTo(forKnown.body());
        assertThat(resendTickets.apply(unknown)).isZero();
        await().atMost(WAIT).until(() -> TestMailServer.messagesTo(known).size() == 2);
        assertThat(TestMailServer.messagesTo(unknown)).isEmpty();
        assertThat(jdbi.<Integer, RuntimeException>withHandle(h -> h.createQuery("select count(*) from delivery where lower(recipient) = :e")
                .bind("e", unknown).mapTo(Integer.class).one())).isZero();
    }

    @Test
    void refundedOrdersAreNotResentAndOneAddressIsLimited() {
        String email = TestEvents.email();
        UUID kept = sentTickets(email);
        UUID refunded = sentTickets(email);
        TicketsIssued any = TestEvents.ticketsIssued(refunded, "Primavera Fest", "Ana", email, null, 1);
        TestEvents.publish(Topics.ORDERING_ORDER, new OrderRefunded(UUID.randomUUID(), Instant.now(), refunded,
                any.catalogEventId(), any.customer(), new Money(2500, "EUR"), false));
        await().atMost(WAIT).until(() -> "SENT".equals(rows.status(refunded, "REFUND", "EMAIL")));

        assertThat(resendTickets.apply(email)).isEqualTo(1);
        await().atMost(WAIT).until(() -> "SENT".equals(rows.status(kept, "TICKETS", "EMAIL")));
        assertThat(rows.single(refunded, "TICKETS", "EMAIL")).containsEntry("resends", 0);
        assertThat(resendTickets.apply(email)).isEqualTo(1);
        await().atMost(WAIT).until(() -> "SENT".equals(rows.status(kept, "TICKETS", "EMAIL")));
        assertThat(resendTickets.apply(email)).isEqualTo(1);
        // The fourth request within the hour sends nothing.
        await().atMost(WAIT).until(() -> "SENT".equals(rows.status(kept, "TICKETS", "EMAIL")));
        assertThat(resendTickets.apply(email)).isZero();
        assertThat(api.postJson("/api/tickets/resend", "{\"email\":\"" + email + "\"}").status()).isEqualTo(202);
    }

    @Test
    void aMalformedAddressIsA400Problem() {
        for (String body : new String[] {"{\"email\":\"not-an-address\"}", "{\"email\":\"\"}", "{}",
                "{\"email\":\"a@b\"}", "{\"email\":\"a b@example.com\"}", "{\"email\":\"x@example.com, y@example.com\"}"}) {
            ApiCalls.Response response = api.postJson("/api/tickets/resend", body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.problemType()).isEqualTo("invalid-email");
        }
        ApiCalls.Response broken = api.postJson("/api/tickets/resend", "{\"email\":");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.contentType()).startsWith("application/problem+json");
    }
}
