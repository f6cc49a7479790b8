package io.taquilla.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.taquilla.contracts.ordering.InventoryChanged;
import io.taquilla.messaging.MessagingFixture;
import io.taquilla.messaging.consumer.IncomingEvents;
import io.taquilla.messaging.inbox.Inbox;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class OutboxRelayTest {

    private static InventoryChanged event(UUID aggregate, int sequence) {
        return new InventoryChanged(UUID.randomUUID(), Instant.now(), aggregate, UUID.randomUUID(), 100, 0, sequence, 100 - sequence);
    }

    @Test
    void twoRelaysPublishTenThousandRowsExactlyOnce() throws Exception {
        String topic = "test.relay-exactly-once.v1";
        try (MessagingFixture fixture = new MessagingFixture("relay_exactly_once")) {
            List<InventoryChanged> events = IntStream.range(0, 10_000).mapToObj(i -> event(UUID.randomUUID(), 1)).toList();
            for (int from = 0; from < events.size(); from += 1_000) {
                fixture.append(topic, events.subList(from, from + 1_000));
            }
            SimpleMeterRegistry metersA = new SimpleMeterRegistry();
            SimpleMeterRegistry metersB = new SimpleMeterRegistry();
            OutboxRelay a = fixture.relay("a", metersA, ids -> { });
            OutboxRelay b = fixture.relay("b", metersB, ids -> { });
            a.start();
            b.start();

            await().atMost(Duration.ofMinutes(2)).until(() -> fixture.unpublished() == 0);
            List<ConsumerRecord<String, String>> records = fixture.readAll(topic, 10_000, Duration.ofMinutes(1));

            Set<String> published = records.stream().map(r -> IncomingEvents.header(r, "eventId")).collect(Collectors.toSet());
            Set<String> appended = events.stream().map(e -> e.eventId().toString()).collect(Collectors.toSet());
            assertThat(records).hasSize(10_000);
            assertThat(published).isEqualTo(appended);
            double byA = metersA.get("taquilla.outbox.published").counter().count();
            double byB = metersB.get("taquilla.outbox.published").counter().count();
            assertThat(byA + byB).isEqualTo(10_000);
            assertThat(byA).as("relay a took part").isPositive();
            assertThat(byB).as("relay b took part").isPositive();
            ConsumerRecord<String, String> first = records.get(0);
            InventoryChanged firstEvent = fixture.json.readValue(first.value(), InventoryChanged.class);
            assertThat(first.key()).isEqualTo(firstEvent.catalogEventId().toString());
            assertThat(IncomingEvents.header(first, "eventType")).isEqualTo("InventoryChanged");
            assertThat(IncomingEvents.header(first, "aggregateType")).isEqualTo("relay-exactly-once");
        }
    }

    @Test
    void eventsOfOneAggregateKeepTheirOrderAcrossRelays() throws Exception {
        String topic = "test.relay-order.v1";
        try (MessagingFixture fixture = new MessagingFixture("relay_order")) {
            List<UUID> aggregates = IntStream.range(0, 20).mapToObj(i -> UUID.randomUUID()).toList();
            OutboxRelay a = fixture.relay("a", new SimpleMeterRegistry(), ids -> { });
            OutboxRelay b = fixture.relay("b", new SimpleMeterRegistry(), ids -> { });
            a.start();
            b.start();
            // Appended while the relays run, interleaved across aggregates, in small transactions.
            for (int sequence = 0; sequence < 50; sequence++) {
                int s = sequence;
                fixture.append(topic, aggregates.stream().map(aggregate -> event(aggregate, s)).toList());
            }
            await().atMost(Duration.ofMinutes(1)).until(() -> fixture.unpublished() == 0);
            List<ConsumerRecord<String, String>> records = fixture.readAll(topic, 1_000, Duration.ofMinutes(1));

            assertThat(records).hasSize(1_000);
            Map<String, List<Integer>> sequences = new HashMap<>();
            for (ConsumerRecord<String, String> record : records) {
                InventoryChanged event = fixture.json.readValue(record.value(), InventoryChanged.class);
                assertThat(record.key()).isEqualTo(event.catalogEventId().toString());
                sequences.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(event.sold());
            }
            List<Integer> expected = IntStream.range(0, 50).boxed().toList();
            assertThat(sequences).hasSize(20);
            sequences.values().forEach(seen -> assertThat(seen).isEqualTo(expected));
        }
    }

    @Test
    void relayKilledAfterAckRepublishesAndTheInboxAppliesTheEffectOnce() throws Exception {
        String topic = "test.relay-crash.v1";
        try (MessagingFixture fixture = new MessagingFixture("relay_crash")) {
            fixture.jdbi.useHandle(h -> h.execute("create table effects (event_id uuid primary key, applied int not null)"));
            List<InventoryChanged> events = IntStream.range(0, 50).mapToObj(i -> event(UUID.randomUUID(), i)).toList();
            fixture.append(topic, events);

            // The first relay "dies" after Kafka acknowledged its batch and before marking it sent.
            OutboxRelay crashing = fixture.relay("crashing", new SimpleMeterRegistry(), ids -> {
                throw new IllegalStateException("killed after the ack");
            });
            assertThatThrownBy(crashing::publishBatch).hasMessageContaining("killed after the ack");
            assertThat(fixture.unpublished()).isEqualTo(50);

            OutboxRelay restarted = fixture.relay("restarted", new SimpleMeterRegistry(), ids -> { });
            restarted.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> fixture.unpublished() == 0);

            List<ConsumerRecord<String, String>> records = fixture.readAll(topic, 100, Duration.ofSeconds(30));
            assertThat(records).as("every event was on the topic twice").hasSize(100);

            SimpleMeterRegistry consumerMeters = new SimpleMeterRegistry();
            Inbox inbox = new Inbox(fixture.jdbi, consumerMeters);
            for (ConsumerRecord<String, String> record : records) {
                UUID eventId = UUID.fromString(IncomingEvents.header(record, "eventId"));
                inbox.handleOnce("test-consumer", eventId, record.topic(), "InventoryChanged", h -> h.createUpdate(
                                "insert into effects values (:id, 1) on conflict (event_id) do update set applied = effects.applied + 1")
                        .bind("id", eventId).execute());
            }
            Map<UUID, Integer> applied = new HashMap<>();
            fixture.jdbi.useHandle(h -> h.createQuery("select event_id, applied from effects")
                    .map((rs, ctx) -> applied.put(rs.getObject(1, UUID.class), rs.getInt(2))).list());
            assertThat(applied).hasSize(50).allSatisfy((id, times) -> assertThat(times).isEqualTo(1));
            assertThat(consumerMeters.get("taquilla.inbox.duplicates").counter().count()).isEqualTo(50);
        }
    }

    @Test
    void aRolledBackBusinessTransactionPublishesNothing() throws Exception {
        String topic = "test.relay-rollback.v1";
        try (MessagingFixture fixture = new MessagingFixture("relay_rollback")) {
            assertThatThrownBy(() -> fixture.jdbi.useTransaction(handle -> {
                fixture.outbox.append(handle, topic, event(UUID.randomUUID(), 1));
                throw new IllegalStateException("business rule failed");
            })).hasMessageContaining("business rule failed");
            int rows = fixture.jdbi.withHandle(h -> h.createQuery("select count(*) from outbox").mapTo(Integer.class).one());
            assertThat(rows).isZero();
        }
    }

    /**
     * The relay polls only every 30 s here, so each row being published within seconds shows the
     * NOTIFY wake-up works. Writes the measured commit-to-published latency for the docs.
     */
    @Test
    void notifyWakesTheRelayWithinMilliseconds() throws Exception {
        String topic = "test.relay-latency.v1";
        try (MessagingFixture fixture = new MessagingFixture("relay_latency")) {
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            OutboxRelay relay = fixture.relay("latency", meters, ids -> { }, Duration.ofSeconds(30));
            relay.start();
            fixture.append(topic, List.of(event(UUID.randomUUID(), -1)));
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1)).until(() -> fixture.unpublished() == 0);
            fixture.jdbi.useHandle(h -> h.execute("delete from outbox"));
            for (int i = 0; i < 300; i++) {
                fixture.append(topic, List.of(event(UUID.randomUUID(), i)));
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1)).until(() -> fixture.unpublished() == 0);
            }
            String line = fixture.jdbi.withHandle(h -> h.createQuery("""
                    select count(*) as n,
                           percentile_cont(0.5) within group (order by extract(epoch from published_at - created_at)) * 1000 as p50,
                           percentile_cont(0.99) within group (order by extract(epoch from published_at - created_at)) * 1000 as p99
                      from outbox
                    """).map((rs, ctx) -> String.format("outbox publish latency (row insert to marked sent, %d single-row commits, "
                    + "NOTIFY wake-up, 30 s poll): p50 %.1f ms, p99 %.1f ms", rs.getLong("n"), rs.getDouble("p50"), rs.getDouble("p99")))
                    .one());
            System.out.println("[outbox-latency] " + line);
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "outbox-latency.txt"), line + System.lineSeparator());
            assertThat(meters.get("taquilla.outbox.publish.latency").timer().count()).isEqualTo(301);
        }
    }
}
