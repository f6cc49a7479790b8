package io.taquilla.payment.support;

import static org.awaitility.Awaitility.await;

import io.taquilla.contracts.Topics;
import io.taquilla.contracts.ordering.OrderEvent;
import io.taquilla.contracts.payments.PaymentEvent;
import io.taquilla.messaging.EventJson;
import io.taquilla.testsupport.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The test's side of Kafka: plays order-service by producing {@code ordering.order.v1} events,
 * and reads everything payment-service publishes on {@code payments.payment.v1} (one background
 * consumer for the JVM, own group, from the beginning).
 */
public final class PaymentTopics {

    private static final List<PaymentEvent> published = new CopyOnWriteArrayList<>();
    private static KafkaProducer<String, String> producer;
    private static Thread reader;

    private PaymentTopics() {
    }

    public static synchronized void send(OrderEvent event) {
        if (producer == null) {
            Properties config = new Properties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().bootstrapServers());
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(config);
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ORDERING_ORDER, event.aggregateId(),
                EventJson.MAPPER.writeValueAsString(event));
        record.headers().add("eventId", event.eventId().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventType", event.getClass().getSimpleName().getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every payment event published so far for {@code orderId}, in order. */
    public static List<PaymentEvent> eventsFor(UUID orderId) {
        startReader();
        List<PaymentEvent> events = new ArrayList<>();
        for (PaymentEvent event : published) {
            if (event.orderId().equals(orderId)) {
                events.add(event);
            }
        }
        return events;
    }

    public static <T extends PaymentEvent> List<T> eventsFor(UUID orderId, Class<T> type) {
        return eventsFor(orderId).stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Waits for the first {@code type} event of the order and returns it. */
    public static <T extends PaymentEvent> T awaitEvent(UUID orderId, Class<T> type) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> eventsFor(orderId, type), list -> !list.isEmpty()).get(0);
    }

    private static synchronized void startReader() {
        if (reader != null) {
            return;
        }
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "payment-tests-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config);
        consumer.subscribe(List.of(Topics.PAYMENTS_PAYMENT));
        reader = new Thread(() -> {
            while (true) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    published.add(decode(record));
                }
            }
        }, "payment-topic-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private static PaymentEvent decode(ConsumerRecord<String, String> record) {
        String type = new String(record.headers().lastHeader("eventType").value(), StandardCharsets.UTF_8);
        Class<?> cls = Arrays.stream(PaymentEvent.class.getPermittedSubclasses())
                .filter(c -> c.getSimpleName().equals(type)).findFirst().orElseThrow();
        return (PaymentEvent) EventJson.MAPPER.readValue(record.value(), cls);
    }

    /** For assertions that count: the simple names of the order's events. */
    public static List<String> typesFor(UUID orderId) {
        return eventsFor(orderId).stream().map(e -> e.getClass().getSimpleName()).toList();
    }
}
