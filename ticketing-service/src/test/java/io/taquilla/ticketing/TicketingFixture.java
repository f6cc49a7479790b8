package io.taquilla.ticketing;

import static org.awaitility.Awaitility.await;

import io.taquilla.contracts.TaquillaEvent;
import io.taquilla.contracts.common.Customer;
import io.taquilla.contracts.common.Money;
import io.taquilla.contracts.ordering.OrderConfirmed;
import io.taquilla.contracts.ordering.OrderLine;
import io.taquilla.contracts.ordering.OrderPlaced;
import io.taquilla.messaging.EventJson;
import io.taquilla.testsupport.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jdbi.v3.core.Jdbi;

/** Produces order events the way order-service does and reads what ticketing publishes. */
public final class TicketingFixture {

    public static final String CONSUMER = "ticketing-service.ordering";

    private final Jdbi jdbi;

    public TicketingFixture(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public static OrderConfirmed confirmed(UUID orderId, UUID eventId, UUID catalogEventId, List<OrderLine> lines) {
        return new OrderConfirmed(eventId, Instant.now(), orderId, catalogEventId, "Primavera Fest", "Parc del Forum",
                Instant.parse("2026-01-15T21:00:00Z"), lines, new Money(lines.stream()
                        .mapToLong(l -> l.unitPrice().amountMinor() * l.quantity()).sum(), "EUR"),
                new Customer("ana@example.com", "Ana García", "+34600000000"), "pi_test", "Plaça de Leonardo da Vinci 4",
                "Barcelona", "Europe/Madrid", "en");
    }

    public static OrderLine line(String code, int quantity, long priceMinor) {
        return new OrderLine(UUID.randomUUID(), code, code + " ticket", quantity, new Money(priceMinor, "EUR"));
    }

    public void send(String topic, TaquillaEvent event) {
        TestKafka.send(topic, event.aggregateId(), event.getClass().getSimpleName(), event.eventId().toString(),
                EventJson.MAPPER.writeValueAsString(event));
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
        return TestKafka.records(topic, key);
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
