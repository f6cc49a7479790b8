package io.taquilla.notification;

import io.taquilla.contracts.TaquillaEvent;
import io.taquilla.contracts.Topics;
import io.taquilla.contracts.common.Customer;
import io.taquilla.contracts.common.Money;
import io.taquilla.contracts.ticketing.IssuedTicket;
import io.taquilla.contracts.ticketing.TicketsIssued;
import io.taquilla.messaging.EventJson;
import io.taquilla.testsupport.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Produces the events other services would, the way their outbox relays do (key, headers, JSON). */
public final class TestEvents {

    private static volatile Producer<String, String> producer;

    private TestEvents() {
    }

    public static void publish(String topic, TaquillaEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.aggregateId(),
                EventJson.MAPPER.writeValueAsString(event));
        record.headers().add("eventId", bytes(event.eventId().toString()));
        record.headers().add("eventType", bytes(event.getClass().getSimpleName()));
        record.headers().add("aggregateType", bytes(topic.split("\\.")[1]));
        try {
            producer().send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused the test event", e);
        }
    }

    public static TicketsIssued ticketsIssued(UUID orderId, String eventName, String buyerName, String email, String phone,
                                              int count) {
        List<IssuedTicket> tickets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID ticketId = UUID.randomUUID();
            String random = UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
            tickets.add(new IssuedTicket(ticketId, "TQ-PF-20260115-" + random, UUID.randomUUID(), "General admission",
                    buyerName, new Money(2500, "EUR"), qrToken(ticketId)));
        }
        return new TicketsIssued(UUID.randomUUID(), Instant.now(), orderId, UUID.randomUUID(), eventName,
                "Sala Apolo", Instant.parse("2026-01-17T20:00:00Z").truncatedTo(ChronoUnit.MINUTES),
                new Customer(email, buyerName, phone), tickets);
    }

    public static String email() {
        return "buyer-" + UUID.randomUUID() + "@example.com";
    }

    public static void publishTickets(TicketsIssued issued) {
        publish(Topics.TICKETING_TICKET, issued);
    }

    /** A token shaped like ticketing's (~120 characters, base64url); content is opaque to notification. */
    static String qrToken(UUID ticketId) {
        return "v1.k1." + ticketId.toString().replace("-", "") + "." + UUID.randomUUID().toString().replace("-", "")
                + UUID.randomUUID().toString().replace("-", "") + "_-";
    }

    private static Producer<String, String> producer() {
        Producer<String, String> current = producer;
        if (current == null) {
            synchronized (TestEvents.class) {
                current = producer;
                if (current == null) {
                    current = new KafkaProducer<>(Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().bootstrapServers(),
                            ProducerConfig.ACKS_CONFIG, "all",
                            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                            ProducerConfig.LINGER_MS_CONFIG, 0),
                            new StringSerializer(), new StringSerializer());
                    producer = current;
                }
            }
        }
        return current;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
