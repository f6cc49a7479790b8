package io.taquilla.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taquilla.contracts.Topics;
import io.taquilla.contracts.common.Customer;
import io.taquilla.contracts.common.Money;
import io.taquilla.contracts.ordering.OrderCancelled;
import io.taquilla.contracts.ordering.OrderExpired;
import io.taquilla.contracts.ordering.OrderRefunded;
import io.taquilla.contracts.ordering.OrderRejected;
import io.taquilla.testsupport.IntegrationTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Order news over Kafka → one email each: expired, refunded, late payment refunded automatically. */
@IntegrationTest
class OrderNewsEmailTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired Jdbi jdbi;

    @Test
    void anExpiredOrderIsToldThatNothingWasCharged() throws Exception {
        String email = TestEvents.email();
        UUID orderId = UUID.randomUUID();
        TestEvents.publish(Topics.ORDERING_ORDER, new OrderExpired(UUID.randomUUID(), Instant.now(), orderId,
                UUID.randomUUID(), new Customer(email, "Núria <b>", null)));

        MimeMessage message = awaitOne(email);
        assertThat(message.getSubject()).isEqualTo("Your reservation expired (order " + reference(orderId) + ")");
        MimeParts parts = MimeParts.of(message);
        assertThat(parts.html()).contains("Núria &lt;b&gt;", "not been charged");
        assertThat(parts.plainText()).contains("Núria <b>", reference(orderId));
    }

    @Test
    void aRefundNamesTheAmountAndTheEventWhenItsTicketsWereSent() throws Exception {
        String email = TestEvents.email();
        UUID orderId = UUID.randomUUID();
        DeliveryRows rows = new DeliveryRows(jdbi);
        TestEvents.publishTickets(TestEvents.ticketsIssued(orderId, "Jazz al Parc", "Oriol", email, null, 1));
        await().atMost(WAIT).until(() -> "SENT".equals(rows.status(orderId, "TICKETS", "EMAIL")));

        TestEvents.publish(Topics.ORDERING_ORDER, new OrderRefunded(UUID.randomUUID(), Instant.now(), orderId,
                UUID.randomUUID(), new Customer(email, "Oriol", null), new Money(4550, "EUR"), false));

        await().atMost(WAIT).until(() -> "SENT".equals(rows.status(orderId, "REFUND", "EMAIL")));
        MimeMessage refund = TestMailServer.messagesTo(email).stream()
                .filter(m -> subject(m).startsWith("Your refund")).findFirst().orElseThrow();
        assertThat(refund.getSubject()).isEqualTo("Your refund for Jazz al Parc");
        assertThat(MimeParts.of(refund).plainText()).contains("45.50 EUR", "Jazz al Parc", reference(orderId));
        assertThat(TestMailServer.messagesTo(email)).hasSize(2);
    }

    @Test
    void aRefundOfTheEventCancellationSagaSendsTheCancellationEmailOnce() throws Exception {
        String email = TestEvents.email();
        UUID orderId = UUID.randomUUID();
        DeliveryRows rows = new DeliveryRows(jdbi);
        TestEvents.publishTickets(TestEvents.ticketsIssued(orderId, "Festa Major", "Laia", email, null, 1));
        await().atMost(WAIT).until(() -> "SENT".equals(rows.status(orderId, "TICKETS", "EMAIL")));

        OrderRefunded refunded = new OrderRefunded(UUID.randomUUID(), Instant.now(), orderId, UUID.randomUUID(),
                new Customer(email, "Laia", null), new Money(2000, "EUR"), false, OrderRefunded.EVENT_CANCELLED);
        TestEvents.publish(Topics.ORDERING_ORDER, refunded);
        TestEvents.publish(Topics.ORDERING_ORDER, refunded);

        await().atMost(WAIT).until(() -> "SENT".equals(rows.status(orderId, "EVENT_CANCELLED", "EMAIL")));
        MimeMessage cancelled = TestMailServer.messagesTo(email).stream()
                .filter(m -> subject(m).startsWith("Cancelled")).findFirst().orElseThrow();
        assertThat(cancelled.getSubject()).isEqualTo("Cancelled: Festa Major (your refund)");
        assertThat(MimeParts.of(cancelled).plainText()).contains("has been cancelled", "20.00 EUR", reference(orderId));
        assertThat(rows.status(orderId, "REFUND", "EMAIL")).isNull();
        assertThat(TestMailServer.messagesTo(email)).hasSize(2);
    }

    @Test
    void aLatePaymentThatWasRejectedAndThenRefundedAutomaticallyIsToldOnce() throws Exception {
        String email = TestEvents.email();
        UUID orderId = UUID.randomUUID();
        UUID catalogEventId = UUID.randomUUID();
        Customer buyer = new Customer(email, "Jordi", null);
        DeliveryRows rows = new DeliveryRows(jdbi);

        TestEvents.publish(Topics.ORDERING_ORDER, new OrderRejected(UUID.randomUUID(), Instant.now(), orderId,
                catalogEventId, buyer, new Money(3000, "EUR"), "pi_123", "sold out after hold expired"));
        OrderRefunded refunded = new OrderRefunded(UUID.randomUUID(), Instant.now(), orderId, catalogEventId, buyer,
                new Money(3000, "EUR"), true);
        TestEvents.publish(Topics.ORDERING_ORDER, refunded);
        // An event notification ignores, after the others on the same partition.
        OrderCancelled marker = new OrderCancelled(UUID.randomUUID(), Instant.now(), orderId, catalogEventId, buyer, "marker");
        TestEvents.publish(Topics.ORDERING_ORDER, marker);

        await().atMost(WAIT).until(() -> rows.inboxHas(marker.eventId())
                && "SENT".equals(rows.status(orderId, "LATE_PAYMENT_REFUNDED", "EMAIL")));
        assertThat(rows.inboxHas(refunded.eventId())).isTrue();
        assertThat(rows.forOrder(orderId)).hasSize(1);
        MimeMessage message = TestMailServer.messagesTo(email).get(0);
        assertThat(TestMailServer.messagesTo(email)).hasSize(1);
        assertThat(message.getSubject()).isEqualTo("Your payment for order " + reference(orderId) + " is refunded");
        assertThat(MimeParts.of(message).plainText()).contains("30.00 EUR", "refunded");
    }

    private static MimeMessage awaitOne(String email) {
        await().atMost(WAIT).until(() -> TestMailServer.messagesTo(email).size() == 1);
        return TestMailServer.messagesTo(email).get(0);
    }

    private static String reference(UUID orderId) {
        return orderId.toString().substring(0, 8).toUpperCase();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }
}
