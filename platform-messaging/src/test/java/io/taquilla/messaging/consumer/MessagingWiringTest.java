package io.taquilla.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.taquilla.contracts.Topics;
import io.taquilla.contracts.ordering.InventoryChanged;
import io.taquilla.messaging.deadletter.DeadLetter;
import io.taquilla.messaging.outbox.Outbox;
import io.taquilla.testsupport.TestInfrastructure;
import io.taquilla.testsupport.TestInfrastructureInitializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * The module as a service sees it: auto-configured outbox, relay, inbox and listener containers
 * against the real database and broker.
 */
@SpringBootTest(classes = MessagingWiringTest.App.class)
@ContextConfiguration(initializers = TestInfrastructureInitializer.class)
class MessagingWiringTest {

    static final String POISON = "test.poison.v1";

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        final List<Instant> flakyAttempts = new CopyOnWriteArrayList<>();
        final Map<String, Integer> failuresLeft = new java.util.concurrent.ConcurrentHashMap<>();
        final Map<String, Exception> failureOf = new java.util.concurrent.ConcurrentHashMap<>();
        final List<String> flakyApplied = new CopyOnWriteArrayList<>();

        @Bean
        InventoryProjection projection(IncomingEvents incoming) {
            return new InventoryProjection(incoming);
        }

        /** Fails the first deliveries of a key as told, then applies it. */
        @KafkaListener(topics = POISON, groupId = "flaky-consumer")
        void flaky(ConsumerRecord<String, String> record) throws Exception {
            flakyAttempts.add(Instant.now());
            int left = failuresLeft.getOrDefault(record.key(), 0);
            if (left > 0) {
                failuresLeft.put(record.key(), left - 1);
                throw failureOf.get(record.key());
            }
            flakyApplied.add(record.key());
        }
    }

    /** A consumer written the way services write them: decode, then effect through the inbox. */
    static class InventoryProjection {
        final IncomingEvents incoming;
        /** Ticket types whose events this consumer rejects as invalid content, until a "fix" removes them. */
        final java.util.Set<UUID> rejected = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final List<UUID> attempts = new CopyOnWriteArrayList<>();

        InventoryProjection(IncomingEvents incoming) {
            this.incoming = incoming;
        }

        @KafkaListener(topics = Topics.ORDERING_INVENTORY, groupId = "inventory-projection")
        void on(ConsumerRecord<String, String> record) throws Exception {
            incoming.handle("inventory-projection", record, (handle, event) -> {
                InventoryChanged changed = (InventoryChanged) event;
                attempts.add(changed.ticketTypeId());
                if (rejected.contains(changed.ticketTypeId())) {
                    throw new IllegalArgumentException("ticket type " + changed.ticketTypeId() + " is not valid here");
                }
                handle.createUpdate("""
                        insert into projection (ticket_type_id, sold, applied) values (:id, :sold, 1)
                        on conflict (ticket_type_id) do update set sold = excluded.sold, applied = projection.applied + 1
                        """).bind("id", changed.ticketTypeId()).bind("sold", changed.sold()).execute();
            });
        }
    }

    @Autowired Jdbi jdbi;
    @Autowired Outbox outbox;
    @Autowired App app;
    @Autowired InventoryProjection projection;
    @Autowired io.taquilla.messaging.deadletter.DeadLetterAdmin dead;
    @Autowired MeterRegistry meters;
    @Autowired KafkaTemplate<String, String> template;

    @Test
    void outboxRowsReachTheConsumerOnceEvenWhenRedelivered() {
        jdbi.useHandle(h -> h.execute("create table if not exists projection (ticket_type_id uuid primary key, sold int, applied int)"));
        InventoryChanged changed = new InventoryChanged(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(), 100, 3, 7, 90);
        jdbi.useTransaction(h -> outbox.append(h, Topics.ORDERING_INVENTORY, changed));

        await().atMost(Duration.ofSeconds(30)).until(() -> applied(changed.ticketTypeId()) == 1);

        // Redeliver the very same event, as Kafka may after a rebalance.
        String json = jdbi.withHandle(h -> h.createQuery("select payload::text from outbox where id = :id")
                .bind("id", changed.eventId()).mapTo(String.class).one());
        double duplicatesBefore = duplicates("inventory-projection");
        ProducerRecord<String, String> again = new ProducerRecord<>(Topics.ORDERING_INVENTORY, changed.aggregateId(), json);
        again.headers().add("eventId", changed.eventId().toString().getBytes(StandardCharsets.UTF_8));
        again.headers().add("eventType", "InventoryChanged".getBytes(StandardCharsets.UTF_8));
        template.send(again);

        await().atMost(Duration.ofSeconds(30)).until(() -> duplicates("inventory-projection") == duplicatesBefore + 1);
        assertThat(applied(changed.ticketTypeId())).isEqualTo(1);
        assertThat(meters.find("taquilla.outbox.backlog").gauge()).isNotNull();
        assertThat(meters.find("taquilla.outbox.oldest.age.seconds").gauge()).isNotNull();
        assertThat(meters.get("taquilla.outbox.publish.latency").timer().count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aDatabaseOutageIsRetriedWithBackoffBeyondAnyLimitAndNothingIsDeadLettered() {
        // Twelve failures: more than the five attempts after which records used to be dead-lettered.
        String key = "order-" + UUID.randomUUID();
        app.failuresLeft.put(key, 12);
        app.failureOf.put(key, new org.jdbi.v3.core.ConnectionException(
                new java.sql.SQLTransientConnectionException("HikariPool-1 - Connection is not available")));
        template.send(POISON, key, "{\"paid\":true}");

        await().atMost(Duration.ofSeconds(60)).until(() -> app.flakyApplied.contains(key));
        assertThat(app.flakyApplied).containsOnlyOnce(key);
        assertThat(retries(POISON, "infrastructure")).isGreaterThanOrEqualTo(12);
        assertThat(dead.list(true, 10_000)).noneMatch(letter -> key.equals(letter.key()));
    }

    @Test
    void aBugIsRetriedUntilItIsFixedRatherThanDeadLettered() {
        String key = "order-" + UUID.randomUUID();
        app.failuresLeft.put(key, 8);
        app.failureOf.put(key, new IllegalStateException("NullPointerException in our code, say"));
        template.send(POISON, key, "{}");

        await().atMost(Duration.ofSeconds(60)).until(() -> app.flakyApplied.contains(key));
        assertThat(retries(POISON, "unexpected")).isGreaterThanOrEqualTo(8);
        assertThat(dead.list(true, 10_000)).noneMatch(letter -> key.equals(letter.key()));
    }

    @Test
    void retriesBackOffExponentially() {
        String key = "order-" + UUID.randomUUID();
        int before = app.flakyAttempts.size();
        app.failuresLeft.put(key, 3);
        app.failureOf.put(key, new java.net.SocketTimeoutException("read timed out"));
        template.send(POISON, key, "{}");

        await().atMost(Duration.ofSeconds(30)).until(() -> app.flakyApplied.contains(key));
        List<Instant> attempts = app.flakyAttempts.subList(before, app.flakyAttempts.size());
        assertThat(attempts).hasSize(4);
        // Test back-off: 50 ms doubling (±20 % jitter) up to 200 ms.
        for (int i = 1; i < attempts.size(); i++) {
            assertThat(Duration.between(attempts.get(i - 1), attempts.get(i))).isGreaterThanOrEqualTo(Duration.ofMillis(35));
        }
    }

    @Test
    void anUnknownEventTypeGoesToTheDeadLetterTopicAtOnceWithItsCause() {
        String key = UUID.randomUUID().toString();
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ORDERING_INVENTORY, key, "{\"eventId\":\"" + UUID.randomUUID() + "\"}");
        record.headers().add("eventId", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventType", "InventoryTeleported".getBytes(StandardCharsets.UTF_8));
        template.send(record);

        DeadLetter letter = awaitLetter(key);
        assertThat(letter.originalTopic()).isEqualTo(Topics.ORDERING_INVENTORY);
        assertThat(letter.group()).isEqualTo("inventory-projection");
        assertThat(letter.eventType()).isEqualTo("InventoryTeleported");
        assertThat(letter.exceptionMessage()).contains("unknown event type InventoryTeleported");
        assertThat(meters.get("taquilla.messaging.dead.letters").tag("topic", Topics.ORDERING_INVENTORY).counter().count())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void unparseableJsonGoesToTheDeadLetterTopicAtOnce() {
        String key = UUID.randomUUID().toString();
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ORDERING_INVENTORY, key, "{not json");
        record.headers().add("eventType", "InventoryChanged".getBytes(StandardCharsets.UTF_8));
        template.send(record);

        DeadLetter letter = awaitLetter(key);
        assertThat(letter.exceptionClass()).isEqualTo(UndeliverableRecordException.class.getName());
        assertThat(letter.exceptionMessage()).contains("body of InventoryChanged");
        DeadLetter shown = dead.show(letter.topic(), letter.partition(), letter.offset()).orElseThrow();
        assertThat(shown.value()).isEqualTo("{not json");
    }

    @Test
    void aDeadLetterReplaysOnceFixedAndASecondReplayIsANoOp() {
        jdbi.useHandle(h -> h.execute("create table if not exists projection (ticket_type_id uuid primary key, sold int, applied int)"));
        InventoryChanged changed = new InventoryChanged(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(), 100, 3, 7, 90);
        projection.rejected.add(changed.ticketTypeId());
        jdbi.useTransaction(h -> outbox.append(h, Topics.ORDERING_INVENTORY, changed));

        DeadLetter letter = awaitLetter(changed.aggregateId());
        // Invalid content: dead-lettered on the first attempt, without retries.
        assertThat(projection.attempts).containsOnlyOnce(changed.ticketTypeId());
        assertThat(letter.eventId()).isEqualTo(changed.eventId().toString());
        assertThat(letter.replayedAt()).isNull();
        assertThat(applied(changed.ticketTypeId())).isZero();

        projection.rejected.remove(changed.ticketTypeId());
        DeadLetter replayed = dead.replay(letter.topic(), letter.partition(), letter.offset()).orElseThrow();
        assertThat(replayed.replayedAt()).isNotNull();
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(changed.ticketTypeId()) == 1);

        double duplicatesBefore = duplicates("inventory-projection");
        dead.replay(letter.topic(), letter.partition(), letter.offset()).orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> duplicates("inventory-projection") == duplicatesBefore + 1);
        assertThat(applied(changed.ticketTypeId())).isEqualTo(1);
        assertThat(dead.list(true, 10_000)).filteredOn(l -> l.id().equals(letter.id()))
                .singleElement().satisfies(l -> assertThat(l.replayedAt()).isNotNull());
    }

    @Test
    void aLetterThatIsNotThereIsEmptyNotAnError() {
        assertThat(dead.show("payments.payment.v1.dlt", 0, 0)).isEmpty();
        assertThat(dead.show(Topics.ORDERING_INVENTORY + ".dlt", 0, 999_999)).isEmpty();
        assertThat(dead.show(Topics.ORDERING_INVENTORY + ".dlt", 99, 0)).isEmpty();
        assertThat(dead.replay(Topics.ORDERING_INVENTORY + ".dlt", 0, -1)).isEmpty();
    }

    private DeadLetter awaitLetter(String key) {
        List<DeadLetter> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            found.clear();
            dead.list(true, 10_000).stream().filter(letter -> key.equals(letter.key())).forEach(found::add);
            return !found.isEmpty();
        });
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private double retries(String topic, String kind) {
        io.micrometer.core.instrument.Counter counter = meters.find("taquilla.messaging.consumer.retries")
                .tag("topic", topic).tag("kind", kind).counter();
        return counter == null ? 0 : counter.count();
    }

    private double duplicates(String consumer) {
        io.micrometer.core.instrument.Counter counter = meters.find("taquilla.inbox.duplicates").tag("consumer", consumer).counter();
        return counter == null ? 0 : counter.count();
    }

    private int applied(UUID ticketTypeId) {
        return jdbi.withHandle(h -> h.createQuery("select coalesce(max(applied), 0) from projection where ticket_type_id = :id")
                .bind("id", ticketTypeId).mapTo(Integer.class).one());
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
