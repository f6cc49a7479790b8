package io.taquilla.catalog;

import io.taquilla.contracts.TaquillaEvent;
import io.taquilla.messaging.EventJson;
import io.taquilla.testsupport.TestKafka;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads and writes the shared test broker as another service would (through {@link TestKafka}). */
public final class KafkaProbe {

    private KafkaProbe() {
    }

    /** Every committed record on {@code topic} with {@code key} so far, oldest first per partition. */
    public static List<ConsumerRecord<String, String>> recordsWithKey(String topic, String key) {
        return TestKafka.records(topic, key);
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        return TestKafka.header(record, name);
    }

    /** Publishes {@code event} the way the outbox relay does: keyed by aggregate, typed by header. */
    public static void publish(String topic, TaquillaEvent event) {
        publishRaw(topic, event.aggregateId(), event.getClass().getSimpleName(), event.eventId().toString(),
                EventJson.MAPPER.writeValueAsString(event));
    }

    /** Publishes any body, e.g. one a consumer cannot read. */
    public static void publishRaw(String topic, String key, String eventType, String eventId, String body) {
        TestKafka.send(topic, key, eventType, eventId, body);
    }
}
