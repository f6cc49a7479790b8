package io.taquilla.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.taquilla.contracts.Topics;
import io.taquilla.contracts.ordering.InventoryChanged;
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

        final List<Instant> poisonAttempts = new CopyOnWriteArrayList<>();

        @Bean
        InventoryProjection projection(IncomingEvents incoming) {
            return new InventoryProjection(incoming);
        }

        @KafkaListener(topics = POISON, groupId = "poison-consumer")
        void alwaysFails(ConsumerRecord<String, String> record) {
            poisonAttempts.add(Instant.now());
            throw new IllegalStateException("cannot apply " + record.key());
        }
    }

    /** A consumer written the way services write them: decode, then effect through the inbox. */
    static class InventoryProjection {
        final IncomingEvents incoming;

        InventoryProjection(IncomingEvents incoming) {
            this.incoming = incoming;
        }

        @KafkaListener(topics = Topics.ORDERING_INVENTORY, groupId = "inventory-projection")
        void on(ConsumerRecord<String, String> record) throws Exception {
            incoming.handle("inventory-projection", record, (handle, event) -> {
                InventoryChanged changed = (InventoryChanged) event;
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
        ProducerRecord<String, String> again = new ProducerRecord<>(Topics.ORDERING_INVENTORY, changed.aggregateId(), json);
        again.headers().add("eventId", changed.eventId().toString().getBytes(StandardCharsets.UTF_8));
        again.headers().add("eventType", "InventoryChanged".getBytes(StandardCharsets.UTF_8));
        template.send(again);

        await().atMost(Duration.ofSeconds(30)).until(() ->
                meters.find("taquilla.inbox.duplicates").tag("consumer", "inventory-projection").counter() != null
                        && meters.get("taquilla.inbox.duplicates").tag("consumer", "inventory-projection").counter().count() == 1);
        assertThat(applied(changed.ticketTypeId())).isEqualTo(1);
        assertThat(meters.find("taquilla.outbox.backlog").gauge()).isNotNull();
        assertThat(meters.find("taquilla.outbox.oldest.age.seconds").gauge()).isNotNull();
        assertThat(meters.get("taquilla.outbox.publish.latency").timer().count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aRecordThatKeepsFailingIsRetriedWithBackoffThenDeadLettered() {
        template.send(POISON, "order-42", "{\"whatever\":true}");

        List<ConsumerRecord<String, String>> dead = new ArrayList<>();
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(POISON + ".dlt"));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(dead::add);
                return !dead.isEmpty();
            });
        }
        ConsumerRecord<String, String> letter = dead.get(0);
        assertThat(letter.key()).isEqualTo("order-42");
        assertThat(letter.value()).isEqualTo("{\"whatever\":true}");
        assertThat(header(letter, "kafka_dlt-exception-message")).contains("cannot apply order-42");
        assertThat(header(letter, "kafka_dlt-original-topic")).isEqualTo(POISON);

        // max-attempts 4: the first delivery and three retries, each gap at least the back-off.
        assertThat(app.poisonAttempts).hasSize(4);
        for (int i = 1; i < app.poisonAttempts.size(); i++) {
            assertThat(Duration.between(app.poisonAttempts.get(i - 1), app.poisonAttempts.get(i)))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(45));
        }
        assertThat(meters.get("taquilla.messaging.dead.letters").tag("topic", POISON).counter().count()).isEqualTo(1);
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
