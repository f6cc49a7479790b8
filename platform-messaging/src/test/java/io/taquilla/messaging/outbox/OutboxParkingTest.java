package io.taquilla.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.taquilla.contracts.common.Customer;
import io.taquilla.contracts.ordering.InventoryChanged;
import io.taquilla.contracts.ticketing.IssuedTicket;
import io.taquilla.contracts.ticketing.TicketsIssued;
import io.taquilla.messaging.MessagingFixture;
import io.taquilla.messaging.consumer.IncomingEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A row Kafka refuses for good is parked; its aggregate waits, every other aggregate flows. */
class OutboxParkingTest {

    private static InventoryChanged event(UUID aggregate, int sequence) {
        return new InventoryChanged(UUID.randomUUID(), Instant.now(), aggregate, UUID.randomUUID(), 100, 0, sequence, 100 - sequence);
    }

    /** About {@code quantity} × 1 KiB of JSON: a large order with long holder names. */
    private static TicketsIssued hugeTicketsIssued(UUID orderId, UUID catalogEventId, int quantity) {
        List<IssuedTicket> tickets = IntStream.range(0, quantity).mapToObj(i -> new IssuedTicket(UUID.randomUUID(),
                "TQ-PF-20260115-" + i, UUID.randomUUID(), "General admission", "Holder " + "x".repeat(900) + i,
                null, "v1.key.token-" + i)).toList();
        return new TicketsIssued(UUID.randomUUID(), Instant.now(), orderId, catalogEventId, "Festival", "Venue",
                Instant.now(), new Customer("a@example.com", "A", null), tickets);
    }

    @Test
    void aHugeTicketsIssuedIsRefusedAtAppendTimeNamingTheEvent() throws Exception {
        try (MessagingFixture fixture = new MessagingFixture("outbox_too_large")) {
            TicketsIssued huge = hugeTicketsIssued(UUID.randomUUID(), UUID.randomUUID(), 1_200);

            assertThatThrownBy(() -> fixture.jdbi.useTransaction(handle ->
                    fixture.outbox.append(handle, "ticketing.ticket.v1", huge)))
                    .isInstanceOf(EventTooLargeException.class)
                    .hasMessageContaining("TicketsIssued " + huge.eventId())
                    .hasMessageContaining("aggregate " + huge.orderId())
                    .hasMessageContaining("over the " + Outbox.DEFAULT_MAX_EVENT_BYTES + "-byte limit");
            assertThat(fixture.unpublished()).isZero();

            // Just under the limit is accepted.
            fixture.jdbi.useTransaction(handle -> fixture.outbox.append(handle, "ticketing.ticket.v1",
                    hugeTicketsIssued(UUID.randomUUID(), UUID.randomUUID(), 800)));
            assertThat(fixture.unpublished()).isEqualTo(1);
        }
    }

    @Test
    void onePoisonedAggregateIsParkedWhileThousandsOfOthersFlow() throws Exception {
        String topic = "test.relay-parking.v1";
        try (MessagingFixture fixture = new MessagingFixture("relay_parking")) {
            // Written past the size check (as by an older build or a lower producer limit).
            Outbox unchecked = new Outbox(fixture.json, Integer.MAX_VALUE);
            UUID poisoned = UUID.randomUUID();
            TicketsIssued tooLarge = hugeTicketsIssued(poisoned, UUID.randomUUID(), 1_500);
            InventoryChanged behindIt = event(UUID.randomUUID(), 1);
            fixture.jdbi.useTransaction(handle -> {
                unchecked.append(handle, topic, tooLarge);
                // A later event of the same aggregate (keyed by the order id, as TicketsIssued is).
                handle.createUpdate("""
                        insert into outbox (id, topic, aggregatetype, aggregateid, type, payload)
                        values (:id, :topic, 'relay-parking', :aggregate, 'InventoryChanged', cast(:payload as jsonb))
                        """).bind("id", behindIt.eventId()).bind("topic", topic).bind("aggregate", poisoned.toString())
                        .bind("payload", fixture.json.writeValueAsString(behindIt)).execute();
            });
            List<InventoryChanged> others = IntStream.range(0, 3_000).mapToObj(i -> event(UUID.randomUUID(), i)).toList();
            fixture.append(topic, others);

            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            OutboxRelay relay = fixture.relay("parking", meters, ids -> { });
            relay.start();

            await().atMost(Duration.ofMinutes(2)).until(() -> fixture.unpublished() == 2);
            await().atMost(Duration.ofSeconds(30)).until(() -> parkedAt(fixture, tooLarge.eventId()) != null);
            ParkedRows parked = new ParkedRows(fixture.jdbi);
            ParkedRows.Parked row = parked.list().stream().filter(p -> p.id().equals(tooLarge.eventId())).findFirst().orElseThrow();
            assertThat(row.attempts()).as("the fixture parks after 3 attempts").isEqualTo(3);
            assertThat(row.lastError()).contains("RecordTooLargeException");
            assertThat(row.heldBack()).isEqualTo(1);
            assertThat(row.aggregateId()).isEqualTo(poisoned.toString());
            assertThat(attempts(fixture, behindIt.eventId())).as("the later row was never sent").isZero();
            await().atMost(Duration.ofSeconds(5)).until(() -> meters.get("taquilla.outbox.parked").gauge().value() == 1
                    && meters.get("taquilla.outbox.held").gauge().value() == 1
                    && meters.get("taquilla.outbox.backlog").gauge().value() == 0);

            List<ConsumerRecord<String, String>> records = fixture.readAll(topic, 3_000, Duration.ofMinutes(1));
            Set<String> published = records.stream().map(r -> IncomingEvents.header(r, "eventId")).collect(Collectors.toSet());
            assertThat(published).hasSize(3_000)
                    .isEqualTo(others.stream().map(e -> e.eventId().toString()).collect(Collectors.toSet()));

            // Retrying without a fix parks it again; discarding lets the aggregate's later row go.
            assertThat(parked.retry(tooLarge.eventId())).isPresent();
            await().atMost(Duration.ofSeconds(30)).until(() -> parkedAt(fixture, tooLarge.eventId()) != null
                    && attempts(fixture, tooLarge.eventId()) == 3);
            assertThat(parked.discard(tooLarge.eventId())).get().satisfies(discarded ->
                    assertThat(discarded.payload()).contains(tooLarge.eventId().toString()));
            await().atMost(Duration.ofSeconds(30)).until(() -> fixture.unpublished() == 0);
            assertThat(parked.list()).isEmpty();
            assertThat(parked.discard(tooLarge.eventId())).isEmpty();
            assertThat(parked.retry(UUID.randomUUID())).isEmpty();
        }
    }

    private static Instant parkedAt(MessagingFixture fixture, UUID id) {
        return fixture.jdbi.withHandle(h -> h.createQuery("select parked_at from outbox where id = :id")
                .bind("id", id).mapTo(Instant.class).findOne().orElse(null));
    }

    private static int attempts(MessagingFixture fixture, UUID id) {
        return fixture.jdbi.withHandle(h -> h.createQuery("select attempts from outbox where id = :id")
                .bind("id", id).mapTo(Integer.class).one());
    }
}
