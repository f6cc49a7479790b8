package io.taquilla.messaging;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.taquilla.contracts.TaquillaEvent;
import io.taquilla.messaging.outbox.Outbox;
import io.taquilla.messaging.outbox.OutboxRelay;
import io.taquilla.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import tools.jackson.databind.json.JsonMapper;

/** The messaging module without Spring: a fresh schema with the outbox and inbox, and Kafka clients. */
public final class MessagingFixture implements AutoCloseable {

    public final TestInfrastructure infrastructure = TestInfrastructure.get();
    public final HikariDataSource dataSource;
    public final Jdbi jdbi;
    public final JsonMapper json = EventJson.MAPPER;
    public final Outbox outbox = new Outbox(json);
    private final List<AutoCloseable> closeables = new ArrayList<>();

    public MessagingFixture(String schema) {
        infrastructure.recreateSchema(schema);
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(infrastructure.jdbcUrl());
        dataSource.setUsername(infrastructure.username());
        dataSource.setPassword(infrastructure.password());
        dataSource.setSchema(schema);
        dataSource.setMaximumPoolSize(10);
        Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema)
                .locations("classpath:db/messaging").load().migrate();
        jdbi = Jdbi.create(dataSource);
    }

    public OutboxRelay relay(String name, SimpleMeterRegistry meters, OutboxRelay.AfterAcknowledged hook) {
        return relay(name, meters, hook, Duration.ofMillis(200));
    }

    public OutboxRelay relay(String name, SimpleMeterRegistry meters, OutboxRelay.AfterAcknowledged hook, Duration pollInterval) {
        KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 1,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000),
                new StringSerializer(), new StringSerializer());
        closeables.add(producer);
        OutboxRelay relay = new OutboxRelay(name, jdbi, dataSource, producer,
                new MessagingProperties.Relay(true, 200, pollInterval, Duration.ofHours(1), 3),
                json, meters, hook);
        closeables.add(relay::stop);
        return relay;
    }

    public void append(String topic, List<? extends TaquillaEvent> events) {
        jdbi.useTransaction(handle -> events.forEach(event -> outbox.append(handle, topic, event)));
    }

    public long unpublished() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from outbox where published_at is null")
                .mapTo(Long.class).one());
    }

    /** Reads {@code topic} from the beginning until {@code expected} records or the deadline. */
    public List<ConsumerRecord<String, String>> readAll(String topic, int expected, Duration deadline) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long end = System.nanoTime() + deadline.toNanos();
            while (records.size() < expected && System.nanoTime() < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            // Keep reading briefly: anything beyond `expected` would be a duplicate.
            long settle = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            while (System.nanoTime() < settle) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static List<AutoCloseable> reversed(List<AutoCloseable> list) {
        List<AutoCloseable> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable closeable : reversed(closeables)) {
            closeable.close();
        }
        dataSource.close();
    }
}
