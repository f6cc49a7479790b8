package io.taquilla.order.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.taquilla.order.inventory.InventoryCounts;
import io.taquilla.order.support.Events;
import io.taquilla.order.support.Http;
import io.taquilla.testsupport.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Live availability over server-sent events: current state at once, changes pushed, no query per client. */
@IntegrationTest
class AvailabilityStreamTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired Jdbi jdbi;
    @Autowired AvailabilityBroadcaster broadcaster;
    @Autowired InventoryCounts counts;
    @Autowired KafkaListenerEndpointRegistry listeners;

    Http http;
    UUID eventId;
    UUID gaId;

    @BeforeEach
    void publishEvent() {
        http = new Http(port);
        var ga = Events.type("GA", 2500, 10, 4);
        eventId = Events.publish(jdbi, Events.onSale(ga)).catalogEventId();
        gaId = ga.ticketTypeId();
        MessageListenerContainer container = listeners.getListenerContainer(InventoryChangesListener.ID);
        await().atMost(Duration.ofSeconds(30)).until(() -> container.getAssignedPartitions() != null
                && !container.getAssignedPartitions().isEmpty());
    }

    private String url(UUID event) {
        return "http://localhost:" + port + "/api/events/" + event + "/availability/stream";
    }

    @Test
    void sendsTheSameJsonAsTheAvailabilityEndpointAtOnceThenEachChange() throws Exception {
        try (SseClient stream = SseClient.open(url(eventId))) {
            assertThat(stream.status).isEqualTo(200);
            assertThat(stream.contentType).startsWith("text/event-stream");
            SseClient.Frame first = stream.nextEvent(10);
            assertThat(first).isNotNull();
            assertThat(first.event()).isEqualTo("availability");
            assertThat(first.id()).isNotBlank();
            assertThat(JSON.readTree(first.data()))
                    .isEqualTo(JSON.readTree(http.get("/api/events/" + eventId + "/availability").body()));

            assertThat(http.placeOrder(eventId, gaId, 3).status()).isEqualTo(201);

            SseClient.Frame changed = stream.nextEvent(30);
            assertThat(changed).as("an event after the order").isNotNull();
            JsonNode ga = JSON.readTree(changed.data()).get("ticketTypes").get(0);
            assertThat(ga.get("available").asInt()).isEqualTo(7);
            assertThat(ga.get("held").asInt()).isEqualTo(3);
            assertThat(JSON.readTree(changed.data()).get("summary").get("totalAvailable").asInt()).isEqualTo(7);
            assertThat(changed.id()).isNotEqualTo(first.id());
        }
    }

    @Test
    void aReconnectWithTheCurrentIdGetsNoRepeatAndAStaleIdGetsTheState() throws Exception {
        String current;
        try (SseClient stream = SseClient.open(url(eventId))) {
            current = stream.nextEvent(10).id();
        }
        try (SseClient resumed = SseClient.open(url(eventId), "Last-Event-ID", current)) {
            SseClient.Frame frame = resumed.next(10);
            assertThat(frame.event()).isNull();
            assertThat(frame.comments()).anyMatch(c -> c.startsWith("resumed"));
        }
        try (SseClient stale = SseClient.open(url(eventId), "Last-Event-ID", "0000000000000000")) {
            SseClient.Frame frame = stale.nextEvent(10);
            assertThat(frame.id()).isEqualTo(current);
        }
    }

    @Test
    void manyClientsOfOneEventCostOneDatabaseReadAndAllGetEveryChange() throws Exception {
        int clients = 25;
        long loadsBefore = broadcaster.loads();
        int connectionsBefore = broadcaster.connections();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<SseClient> streams = new ArrayList<>();
        try {
            List<Future<SseClient>> opening = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                opening.add(pool.submit(() -> SseClient.open(url(eventId))));
            }
            for (Future<SseClient> future : opening) {
                streams.add(future.get());
            }
            for (SseClient stream : streams) {
                SseClient.Frame first = stream.nextEvent(10);
                assertThat(JSON.readTree(first.data()).get("summary").get("totalAvailable").asInt()).isEqualTo(10);
            }
            assertThat(broadcaster.connections() - connectionsBefore).isEqualTo(clients);

            assertThat(http.placeOrder(eventId, gaId, 2).status()).isEqualTo(201);
            for (SseClient stream : streams) {
                SseClient.Frame changed = stream.nextEvent(30);
                assertThat(JSON.readTree(changed.data()).get("summary").get("totalAvailable").asInt()).isEqualTo(8);
            }
            // One read when the first client came, none for the other 24 nor for the change.
            assertThat(broadcaster.loads() - loadsBefore).isEqualTo(1);
        } finally {
            streams.forEach(SseClient::close);
            pool.shutdownNow();
        }
        // Disconnects are noticed (at the latest by the next heartbeat) and the event's state dropped.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            broadcaster.heartbeat();
            return broadcaster.connections() == connectionsBefore;
        });
    }

    @Test
    void anUnknownEventIsA404Problem() throws Exception {
        try (SseClient stream = SseClient.open(url(UUID.randomUUID()))) {
            assertThat(stream.status).isEqualTo(404);
            assertThat(stream.contentType).startsWith("application/problem+json");
        }
        assertThat(http.get("/api/events/not-a-uuid/availability/stream").status()).isEqualTo(400);
    }

    @Test
    void connectionsAreCappedPerInstance() {
        AvailabilityBroadcaster capped = new AvailabilityBroadcaster(jdbi, counts, new SimpleMeterRegistry(), 1,
                Duration.ofMinutes(1));
        assertThat(capped.subscribe(eventId, null)).isInstanceOf(AvailabilityBroadcaster.Subscribed.class);
        assertThat(capped.subscribe(eventId, null)).isInstanceOf(AvailabilityBroadcaster.Full.class);
        assertThat(capped.subscribe(UUID.randomUUID(), null)).isInstanceOf(AvailabilityBroadcaster.Full.class);
        assertThat(capped.connections()).isEqualTo(1);
    }
}
