package io.taquilla.order.support;

import io.taquilla.contracts.TaquillaEvent;
import io.taquilla.messaging.EventJson;
import io.taquilla.testsupport.TestKafka;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Plain Kafka clients on the test broker, playing catalog- and payment-service. */
public final class Kafka {

    private Kafka() {
    }

    /** Publishes {@code event} as the outbox relay would: keyed by aggregate, typed by header. */
    public static void publish(String topic, TaquillaEvent event) {
        TestKafka.send(topic, event.aggregateId(), event.getClass().getSimpleName(), event.eventId().toString(),
                EventJson.MAPPER.writeValueAsString(event));
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
        return TestKafka.records(topic, key);
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        return TestKafka.header(record, name);
    }
}
