package io.taquilla.ticketing;

import static org.awaitility.Awaitility.await;

import io.taquilla.contracts.TaquillaEvent;
import io.taquilla.contracts.common.Customer;
import io.taquilla.contracts.common.Money;
import io.taquilla.contracts.ordering.OrderConfirmed;
import io.taquilla.contracts.ordering.OrderLine;
import io.taquilla.contracts.ordering.OrderPlaced;
import io.taquilla.messaging.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jdbi.v3.core.Jdbi;

/** Produces order events the way order-service does and reads what ticketing publishes. */
public final class TicketingFixture {

    public static final String CONSUMER = "ticketing-service.ordering";

    private final String bootstrapServers;
    private final Jdbi jdbi;

    public TicketingFixture(String bootstrapServers, Jdbi jdbi) {
        this.bootstrapServers = bootstrapServers;
        this.jdbi = jdbi;
    }

    public static OrderConfirmed confirmed(UUID orderId, UUID eventId, UUID catalogEventId, List<OrderLine> lines) {
        return new OrderConfirmed(eventId, Instant.now(), orderId, catalogEventId, "Primavera Fest", "Parc del Forum",
                Instant.parse("2026-01-15T21:00:00Z"), lines, new Money(lines.stream()
                        .mapToLong(l -> l.unitPrice().amountMinor() * l.quantity()).sum(), "EUR"),
                new Customer("ana@example.com", "Ana García", "+34600000000"), "pi_test");
    }

    public static OrderLine line(String code, int quantity, long priceMinor) {
        return new OrderLine(UUID.randomUUID(), code, code + " ticket", quantity, new Money(priceMinor, "EUR"));
    }

    public void send(String topic, TaquillaEvent event) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.aggregateId(),
                    EventJson.MAPPER.writeValueAsString(event));
            record.headers().add("eventType", event.getClass().getSimpleName().getBytes(StandardCharsets.UTF_8));
            record.headers().add("eventId", event.eventId().toString().getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends an event the listener records but ignores, on the order's partition, and waits for it:
     * then everything sent before for that order has been processed too.
     */
    public void awaitProcessed(String topic, UUID orderId) {
        UUID marker = UUID.randomUUID();
        send(topic, new OrderPlaced(marker, Instant.now(), orderId, UUID.randomUUID(), List.of(),
                new Money(0, "EUR"), new Customer("marker@example.com", "Marker", null), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxHas(marker));
    }

    public boolean inboxHas(UUID eventId) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from inbox where consumer = :c and event_id = :e")
                .bind("c", CONSUMER).bind("e", eventId).mapTo(Integer.class).one()) == 1;
    }

    public int count(String sql, UUID id) {
        return jdbi.withHandle(h -> h.createQuery(sql).bind("id", id).mapTo(Integer.class).one());
    }

    /** Waits until every outbox row of the aggregate is published. */
    public void awaitOutboxPublished(String aggregateId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbi.withHandle(h -> h.createQuery(
                        "select count(*) from outbox where aggregateid = :id and published_at is null")
                .bind("id", aggregateId).mapTo(Integer.class).one()) == 0);
    }

    /** Every committed record of {@code topic} with {@code key}, from the beginning to the current end. */
    public List<ConsumerRecord<String, String>> records(String topic, String key) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "ticketing-test-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
        }
        return found;
    }

    /** Waits for at least one record of {@code eventType} with {@code key} and returns those seen. */
    public List<ConsumerRecord<String, String>> awaitRecords(String topic, String key, String eventType) {
        List<ConsumerRecord<String, String>> matching = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            matching.clear();
            records(topic, key).stream()
                    .filter(r -> eventType.equals(new String(r.headers().lastHeader("eventType").value(), StandardCharsets.UTF_8)))
                    .forEach(matching::add);
            return !matching.isEmpty();
        });
        return matching;
    }

    public static <T> T read(ConsumerRecord<String, String> record, Class<T> type) {
        return EventJson.MAPPER.readValue(record.value(), type);
    }
}
