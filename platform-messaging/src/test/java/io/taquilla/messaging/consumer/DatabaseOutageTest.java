package io.taquilla.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.taquilla.contracts.TaquillaEvent;
import io.taquilla.contracts.Topics;
import io.taquilla.contracts.common.Customer;
import io.taquilla.contracts.common.Money;
import io.taquilla.contracts.ordering.OrderConfirmed;
import io.taquilla.contracts.payments.PaymentSucceeded;
import io.taquilla.messaging.EventJson;
import io.taquilla.messaging.deadletter.DeadLetterAdmin;
import io.taquilla.testsupport.TestInfrastructure;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL goes away in the middle of a stream of PaymentSucceeded and OrderConfirmed records
 * and comes back: every record is applied exactly once afterwards and none is dead-lettered.
 * The database here is a PostgreSQL of this test's own (not the shared one), so it can be
 * stopped and started again on the same port and data directory.
 */
@SpringBootTest(classes = DatabaseOutageTest.App.class, properties = {
        "spring.application.name=outage-it",
        "spring.kafka.consumer.group-id=outage-it",
        "spring.datasource.hikari.connection-timeout=1000",
        "spring.datasource.hikari.validation-timeout=500",
        "spring.datasource.hikari.schema=outage_it",
        "spring.flyway.schemas=outage_it",
        "spring.flyway.default-schema=outage_it",
        "taquilla.messaging.consumer.initial-interval=50ms",
        "taquilla.messaging.consumer.max-interval=1s",
        "taquilla.messaging.topics.publishes=",
        "taquilla.messaging.topics.consumes=payments.payment.v1,ordering.order.v1"})
class DatabaseOutageTest {

    static final int PAYMENTS = 120;
    static final Database database = new Database();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", database::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.get().bootstrapServers());
    }

    @AfterAll
    static void stopDatabase() {
        database.stop();
    }

    /** An order-service and a ticketing-service consumer, as they are written. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        Consumers consumers(IncomingEvents incoming) {
            return new Consumers(incoming);
        }
    }

    static class Consumers {
        final IncomingEvents incoming;

        Consumers(IncomingEvents incoming) {
            this.incoming = incoming;
        }

        @KafkaListener(topics = Topics.PAYMENTS_PAYMENT, groupId = "outage-orders")
        void onPayment(ConsumerRecord<String, String> record) throws Exception {
            incoming.handle("outage-orders", record, (handle, event) -> {
                if (event instanceof PaymentSucceeded paid) {
                    handle.createUpdate("insert into applied (event_id, kind, order_id) values (:id, 'paid', :order)")
                            .bind("id", paid.eventId()).bind("order", paid.orderId()).execute();
                }
            });
        }

        @KafkaListener(topics = Topics.ORDERING_ORDER, groupId = "outage-tickets")
        void onOrder(ConsumerRecord<String, String> record) throws Exception {
            incoming.handle("outage-tickets", record, (handle, event) -> {
                if (event instanceof OrderConfirmed confirmed) {
                    handle.createUpdate("insert into applied (event_id, kind, order_id) values (:id, 'confirmed', :order)")
                            .bind("id", confirmed.eventId()).bind("order", confirmed.orderId()).execute();
                }
            });
        }
    }

    @Autowired KafkaTemplate<String, String> template;
    @Autowired Jdbi jdbi;
    @Autowired MeterRegistry meters;
    @Autowired DeadLetterAdmin deadLetters;

    @Test
    void aDatabaseOutageDuringAPaymentStreamLosesNothingAndDeadLettersNothing() throws Exception {
        // Not a primary key: a second application of an event must show as a second row.
        jdbi.useHandle(h -> h.execute("create table applied (event_id uuid not null, kind text not null, order_id uuid not null)"));
        List<TaquillaEvent> stream = new ArrayList<>();
        for (int i = 0; i < PAYMENTS; i++) {
            UUID orderId = UUID.randomUUID();
            stream.add(new PaymentSucceeded(UUID.randomUUID(), Instant.now(), orderId, new Money(2500, "EUR"), "pi_" + i, "stripe"));
            stream.add(new OrderConfirmed(UUID.randomUUID(), Instant.now(), orderId, UUID.randomUUID(), "Concert", "Hall",
                    Instant.now(), List.of(), new Money(2500, "EUR"), new Customer("b" + i + "@example.com", "B", null), "pi_" + i));
        }
        // The first part of the stream before the outage, the rest while the database is down.
        int split = stream.size() / 3;
        stream.subList(0, split).forEach(this::send);
        await().atMost(Duration.ofSeconds(60)).until(() -> applied() >= 40);
        double retriesBefore = infrastructureRetries();
        database.stop();
        stream.subList(split, stream.size()).forEach(this::send);
        // Down until the consumers have met it again and again (several seconds with this back-off).
        await().atMost(Duration.ofSeconds(120)).until(() -> infrastructureRetries() >= retriesBefore + 12);
        database.start();

        await().atMost(Duration.ofSeconds(120)).until(() -> applied() == stream.size());
        Set<UUID> expected = stream.stream().map(TaquillaEvent::eventId).collect(Collectors.toSet());
        List<UUID> appliedIds = jdbi.withHandle(h -> h.createQuery("select event_id from applied").mapTo(UUID.class).list());
        assertThat(appliedIds).hasSize(stream.size()).doesNotHaveDuplicates();
        assertThat(Set.copyOf(appliedIds)).isEqualTo(expected);
        assertThat(deadLetters.list(true, 10_000)).noneMatch(letter -> letter.eventId() != null
                && expected.contains(UUID.fromString(letter.eventId())));
        assertThat(deadLettered(Topics.PAYMENTS_PAYMENT) + deadLettered(Topics.ORDERING_ORDER)).isZero();
        assertThat(infrastructureRetries()).isGreaterThan(retriesBefore);
    }

    private void send(TaquillaEvent event) {
        String topic = event instanceof PaymentSucceeded ? Topics.PAYMENTS_PAYMENT : Topics.ORDERING_ORDER;
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.aggregateId(),
                EventJson.MAPPER.writeValueAsString(event));
        record.headers().add("eventId", event.eventId().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventType", event.getClass().getSimpleName().getBytes(StandardCharsets.UTF_8));
        template.send(record);
    }

    private long applied() {
        try {
            return jdbi.withHandle(h -> h.createQuery("select count(*) from applied").mapTo(Long.class).one());
        } catch (RuntimeException databaseDown) {
            return -1;
        }
    }

    private double infrastructureRetries() {
        return meters.find("taquilla.messaging.consumer.retries").tag("kind", "infrastructure").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private double deadLettered(String topic) {
        Counter counter = meters.find("taquilla.messaging.dead.letters").tag("topic", topic).counter();
        return counter == null ? 0 : counter.count();
    }

    /** A PostgreSQL that can be stopped and started again with its data, on the same port. */
    static final class Database {
        private final Path directory;
        private final int port;
        private EmbeddedPostgres postgres;

        Database() {
            try {
                directory = Files.createTempDirectory("outage-pg");
                try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
                    port = socket.getLocalPort();
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            start();
        }

        synchronized void start() {
            try {
                postgres = EmbeddedPostgres.builder().setPort(port).setDataDirectory(directory)
                        .setCleanDataDirectory(false).start();
            } catch (java.io.IOException e) {
                throw new IllegalStateException("could not start PostgreSQL", e);
            }
        }

        synchronized void stop() {
            if (postgres != null) {
                try {
                    postgres.close();
                } catch (java.io.IOException e) {
                    throw new IllegalStateException("could not stop PostgreSQL", e);
                }
                postgres = null;
            }
        }

        String jdbcUrl() {
            return "jdbc:postgresql://localhost:" + port + "/postgres";
        }
    }
}
