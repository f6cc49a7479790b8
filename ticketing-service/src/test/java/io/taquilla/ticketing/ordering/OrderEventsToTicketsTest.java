package io.taquilla.ticketing.ordering;

import static io.taquilla.ticketing.TicketingFixture.confirmed;
import static io.taquilla.ticketing.TicketingFixture.line;
import static io.taquilla.ticketing.TicketingFixture.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taquilla.contracts.Topics;
import io.taquilla.contracts.common.Customer;
import io.taquilla.contracts.common.Money;
import io.taquilla.contracts.ordering.OrderCancelled;
import io.taquilla.contracts.ordering.OrderConfirmed;
import io.taquilla.contracts.ordering.OrderLine;
import io.taquilla.contracts.ordering.OrderDisputed;
import io.taquilla.contracts.ordering.OrderRefunded;
import io.taquilla.contracts.ticketing.IssuedTicket;
import io.taquilla.contracts.ticketing.TicketsIssued;
import io.taquilla.contracts.ticketing.TicketsRevoked;
import io.taquilla.testsupport.IntegrationTest;
import io.taquilla.ticketing.TicketingFixture;
import io.taquilla.ticketing.issuing.IssueTickets;
import io.taquilla.ticketing.signing.SigningKeyRing;
import io.taquilla.tickettoken.QrTokenVerifier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class OrderEventsToTicketsTest {

    private static final String TICKETS_OF_ORDER = "select count(*) from tickets where order_id = :id";
    private static final String ISSUED_EVENTS_OF_ORDER =
            "select count(*) from outbox where aggregateid = cast(:id as text) and type = 'TicketsIssued'";

    @Autowired Jdbi jdbi;
    @Autowired SigningKeyRing keyRing;
    @Autowired IssueTickets issueTickets;

    private TicketingFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new TicketingFixture(jdbi);
    }

    @Test
    void aConfirmedOrderGetsOneSignedTicketPerUnitInOneTicketsIssued() {
        UUID orderId = UUID.randomUUID();
        UUID catalogEventId = UUID.randomUUID();
        OrderLine general = line("GA", 3, 2500);
        OrderLine vip = line("VIP", 2, 9000);

        fixture.send(Topics.ORDERING_ORDER, confirmed(orderId, UUID.randomUUID(), catalogEventId, List.of(general, vip)));

        List<ConsumerRecord<String, String>> records =
                fixture.awaitRecords(Topics.TICKETING_TICKET, orderId.toString(), "TicketsIssued");
        assertThat(records).hasSize(1);
        TicketsIssued issued = read(records.get(0), TicketsIssued.class);
        assertThat(issued.orderId()).isEqualTo(orderId);
        assertThat(issued.catalogEventId()).isEqualTo(catalogEventId);
        assertThat(issued.eventName()).isEqualTo("Primavera Fest");
        assertThat(issued.customer().email()).isEqualTo("ana@example.com");
        assertThat(issued.tickets()).hasSize(5);
        assertThat(issued.tickets()).extracting(IssuedTicket::ticketTypeId)
                .containsExactly(general.ticketTypeId(), general.ticketTypeId(), general.ticketTypeId(),
                        vip.ticketTypeId(), vip.ticketTypeId());
        assertThat(issued.tickets()).extracting(IssuedTicket::price)
                .containsExactly(new Money(2500, "EUR"), new Money(2500, "EUR"), new Money(2500, "EUR"),
                        new Money(9000, "EUR"), new Money(9000, "EUR"));
        assertThat(issued.tickets()).extracting(IssuedTicket::ticketNumber).doesNotHaveDuplicates()
                .allMatch(n -> n.matches("TQ-PF-20260115-[0-9A-HJKMNP-TV-Z]{8}"));
        assertThat(issued.tickets()).extracting(IssuedTicket::holderName).containsOnly("Ana García");

        QrTokenVerifier verifier = keyRing.verifier();
        for (IssuedTicket ticket : issued.tickets()) {
            assertThat(ticket.qrToken()).hasSizeLessThanOrEqualTo(150);
            QrTokenVerifier.Verification verification = verifier.verify(ticket.qrToken());
            assertThat(verification.valid()).isTrue();
            assertThat(verification.claims().ticketId()).isEqualTo(ticket.ticketId());
            assertThat(verification.claims().eventId()).isEqualTo(catalogEventId);
            assertThat(verification.claims().isForTicketType(ticket.ticketTypeId())).isTrue();
        }
        assertThat(records.get(0).headers().lastHeader("eventType").value()).asString().isEqualTo("TicketsIssued");
    }

    @Test
    void redeliveredConfirmationsWithTheSameOrAnotherEventIdIssueNoSecondSet() {
        UUID orderId = UUID.randomUUID();
        OrderConfirmed first = confirmed(orderId, UUID.randomUUID(), UUID.randomUUID(), List.of(line("GA", 2, 1500)));
        OrderConfirmed again = confirmed(orderId, UUID.randomUUID(), first.catalogEventId(), first.lines());

        fixture.send(Topics.ORDERING_ORDER, first);
        fixture.send(Topics.ORDERING_ORDER, first);
        fixture.send(Topics.ORDERING_ORDER, again);
        fixture.awaitProcessed(Topics.ORDERING_ORDER, orderId);

        assertThat(fixture.inboxHas(again.eventId())).isTrue();
        assertThat(fixture.count(TICKETS_OF_ORDER, orderId)).isEqualTo(2);
        assertThat(fixture.count(ISSUED_EVENTS_OF_ORDER, orderId)).isEqualTo(1);
        fixture.awaitOutboxPublished(orderId.toString());
        assertThat(fixture.records(Topics.TICKETING_TICKET, orderId.toString())).hasSize(1);
    }

    @Test
    void concurrentConfirmationsOfOneOrderIssueExactlyOneSet() throws Exception {
        UUID orderId = UUID.randomUUID();
        UUID catalogEventId = UUID.randomUUID();
        List<OrderLine> lines = List.of(line("GA", 3, 1000));
        int racers = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                OrderConfirmed confirmation = confirmed(orderId, UUID.randomUUID(), catalogEventId, lines);
                results.add(pool.submit((Callable<Void>) () -> {
                    start.await();
                    jdbi.useTransaction(handle -> issueTickets.apply(handle, confirmation));
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> result : results) {
                result.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(fixture.count(TICKETS_OF_ORDER, orderId)).isEqualTo(3);
        assertThat(fixture.count(ISSUED_EVENTS_OF_ORDER, orderId)).isEqualTo(1);
    }

    @Test
    void aRefundRevokesTheOrdersTicketsOnceAndTellsScanners() {
        UUID orderId = UUID.randomUUID();
        OrderConfirmed confirmation = confirmed(orderId, UUID.randomUUID(), UUID.randomUUID(), List.of(line("GA", 2, 2000)));
        fixture.send(Topics.ORDERING_ORDER, confirmation);
        TicketsIssued issued = read(fixture.awaitRecords(Topics.TICKETING_TICKET, orderId.toString(), "TicketsIssued")
                .get(0), TicketsIssued.class);

        OrderRefunded refund = new OrderRefunded(UUID.randomUUID(), Instant.now(), orderId,
                confirmation.catalogEventId(), confirmation.customer(), new Money(4000, "EUR"), false);
        fixture.send(Topics.ORDERING_ORDER, refund);
        fixture.send(Topics.ORDERING_ORDER, new OrderRefunded(UUID.randomUUID(), Instant.now(), orderId,
                confirmation.catalogEventId(), confirmation.customer(), new Money(4000, "EUR"), false));

        List<ConsumerRecord<String, String>> revocations =
                fixture.awaitRecords(Topics.TICKETING_TICKET, orderId.toString(), "TicketsRevoked");
        TicketsRevoked revoked = read(revocations.get(0), TicketsRevoked.class);
        assertThat(revoked.ticketIds()).containsExactlyInAnyOrderElementsOf(
                issued.tickets().stream().map(IssuedTicket::ticketId).toList());
        assertThat(revoked.catalogEventId()).isEqualTo(confirmation.catalogEventId());
        assertThat(revoked.reason()).isEqualTo("refunded");

        fixture.awaitProcessed(Topics.ORDERING_ORDER, orderId);
        assertThat(fixture.count("select count(*) from tickets where order_id = :id and status = 'REVOKED'", orderId))
                .isEqualTo(2);
        assertThat(fixture.count("select count(*) from outbox where aggregateid = cast(:id as text) and type = 'TicketsRevoked'",
                orderId)).isEqualTo(1);

        // A late re-confirmation cannot bring revoked tickets back or issue new ones.
        fixture.send(Topics.ORDERING_ORDER, confirmed(orderId, UUID.randomUUID(), confirmation.catalogEventId(),
                confirmation.lines()));
        fixture.awaitProcessed(Topics.ORDERING_ORDER, orderId);
        assertThat(fixture.count(TICKETS_OF_ORDER, orderId)).isEqualTo(2);
        assertThat(fixture.count("select count(*) from tickets where order_id = :id and status = 'ISSUED'", orderId))
                .isZero();
    }

    @Test
    void aDisputeRevokesTheTicketsWhenOrderServiceSaysSoAndAClosedDisputeReinstatesNothing() {
        UUID orderId = UUID.randomUUID();
        OrderConfirmed confirmation = confirmed(orderId, UUID.randomUUID(), UUID.randomUUID(), List.of(line("GA", 2, 2000)));
        fixture.send(Topics.ORDERING_ORDER, confirmation);
        fixture.awaitRecords(Topics.TICKETING_TICKET, orderId.toString(), "TicketsIssued");

        fixture.send(Topics.ORDERING_ORDER, new OrderDisputed(UUID.randomUUID(), Instant.now(), orderId,
                confirmation.catalogEventId(), "needs_response", false, true));
        TicketsRevoked revoked = read(fixture.awaitRecords(Topics.TICKETING_TICKET, orderId.toString(), "TicketsRevoked")
                .get(0), TicketsRevoked.class);
        assertThat(revoked.reason()).isEqualTo("disputed");
        assertThat(revoked.ticketIds()).hasSize(2);

        fixture.send(Topics.ORDERING_ORDER, new OrderDisputed(UUID.randomUUID(), Instant.now(), orderId,
                confirmation.catalogEventId(), "won", true, false));
        fixture.awaitProcessed(Topics.ORDERING_ORDER, orderId);
        assertThat(fixture.count("select count(*) from tickets where order_id = :id and status = 'REVOKED'", orderId))
                .isEqualTo(2);

        // Policy off: order-service says not to revoke, and nothing is revoked.
        UUID kept = UUID.randomUUID();
        OrderConfirmed other = confirmed(kept, UUID.randomUUID(), UUID.randomUUID(), List.of(line("GA", 1, 2000)));
        fixture.send(Topics.ORDERING_ORDER, other);
        fixture.awaitRecords(Topics.TICKETING_TICKET, kept.toString(), "TicketsIssued");
        fixture.send(Topics.ORDERING_ORDER, new OrderDisputed(UUID.randomUUID(), Instant.now(), kept,
                other.catalogEventId(), "needs_response", false, false));
        fixture.awaitProcessed(Topics.ORDERING_ORDER, kept);
        assertThat(fixture.count("select count(*) from tickets where order_id = :id and status = 'ISSUED'", kept))
                .isEqualTo(1);
    }

    @Test
    void aCancellationRevokesTicketsAndAnOrderWithoutTicketsPublishesNothing() {
        UUID orderId = UUID.randomUUID();
        OrderConfirmed confirmation = confirmed(orderId, UUID.randomUUID(), UUID.randomUUID(), List.of(line("GA", 1, 0)));
        fixture.send(Topics.ORDERING_ORDER, confirmation);
        fixture.send(Topics.ORDERING_ORDER, new OrderCancelled(UUID.randomUUID(), Instant.now(), orderId,
                confirmation.catalogEventId(), confirmation.customer(), "buyer cancelled"));
        TicketsRevoked revoked = read(fixture.awaitRecords(Topics.TICKETING_TICKET, orderId.toString(), "TicketsRevoked")
                .get(0), TicketsRevoked.class);
        assertThat(revoked.reason()).isEqualTo("cancelled");
        assertThat(revoked.ticketIds()).hasSize(1);

        UUID unpaid = UUID.randomUUID();
        fixture.send(Topics.ORDERING_ORDER, new OrderCancelled(UUID.randomUUID(), Instant.now(), unpaid,
                UUID.randomUUID(), new Customer("bo@example.com", "Bo", null), "expired payment"));
        fixture.awaitProcessed(Topics.ORDERING_ORDER, unpaid);
        assertThat(fixture.count("select count(*) from outbox where aggregateid = cast(:id as text)", unpaid)).isZero();
    }

    @Test
    void aConfirmationWithNothingToPrintGoesToTheDeadLetterTopicAndIssuesNothing() {
        UUID orderId = UUID.randomUUID();
        fixture.send(Topics.ORDERING_ORDER, confirmed(orderId, UUID.randomUUID(), UUID.randomUUID(), List.of()));

        await().atMost(Duration.ofSeconds(30)).until(() ->
                !fixture.records(Topics.deadLetter(Topics.ORDERING_ORDER), orderId.toString()).isEmpty());
        assertThat(fixture.count(TICKETS_OF_ORDER, orderId)).isZero();
        assertThat(fixture.count("select count(*) from ticket_orders where order_id = :id", orderId)).isZero();
    }
}
