package io.taquilla.order.support;

import io.taquilla.contracts.TaquillaEvent;
import io.taquilla.messaging.EventJson;
import io.taquilla.testsupport.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients on the test broker, playing catalog- and payment-service. */
public final class Kafka {

    private static KafkaProducer<String, String> producer;

    private Kafka() {
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        }
        return producer;
    }

    /** Publishes {@code event} as the outbox relay would: keyed by aggregate, typed by header. */
    public static void publish(String topic, TaquillaEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.aggregateId(),
                EventJson.MAPPER.writeValueAsString(event));
        record.headers().add("eventId", event.eventId().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventType", event.getClass().getSimpleName().getBytes(StandardCharsets.UTF_8));
        try {
            producer().send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every committed record on {@code topic} with {@code key} so far, as {@code eventType} → decoded events. */
    public static List<TaquillaEvent> events(String topic, String key) {
        List<TaquillaEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records(topic, key)) {
            String type = header(record, "eventType");
            Class<? extends TaquillaEvent> base = io.taquilla.contracts.Topics.EVENTS_BY_TOPIC.get(topic);
            for (Class<?> candidate : base.getPermittedSubclasses()) {
                if (candidate.getSimpleName().equals(type)) {
                    events.add((TaquillaEvent) EventJson.MAPPER.readValue(record.value(), candidate));
                }
            }
        }
        return events;
    }

    public static <T extends TaquillaEvent> List<T> events(String topic, String key, Class<T> type) {
        return events(topic, key).stream().filter(type::isInstance).map(type::cast).toList();
    }

    public static List<ConsumerRecord<String, String>> records(String topic, String key) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                }
            }
            return found;
        }
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
