package io.taquilla.catalog.event;

import static io.taquilla.catalog.CatalogClient.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taquilla.catalog.CatalogClient;
import io.taquilla.catalog.ContractSchemas;
import io.taquilla.catalog.KafkaProbe;
import io.taquilla.contracts.Topics;
import io.taquilla.contracts.catalog.EventPublished;
import io.taquilla.contracts.catalog.EventSnapshot;
import io.taquilla.messaging.EventJson;
import io.taquilla.testsupport.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class CatalogSnapshotsOnKafkaTest {

    @LocalServerPort int port;
    CatalogClient catalog;

    @BeforeEach
    void connect() {
        catalog = new CatalogClient(port);
    }

    @Test
    void anAdminPublishPutsTheFullSnapshotOnTheCatalogTopic() {
        JsonNode draft = catalog.createDraft(event(20));
        String id = draft.get("id").asString();
        catalog.admin(HttpMethod.POST, "/api/admin/events/" + id + "/publish", null);

        List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(30))
                .until(() -> KafkaProbe.recordsWithKey(Topics.CATALOG_EVENT, id), found -> !found.isEmpty());

        ConsumerRecord<String, String> record = records.get(0);
        assertThat(KafkaProbe.header(record, "eventType")).isEqualTo("EventPublished");
        assertThat(KafkaProbe.header(record, "aggregateType")).isEqualTo("event");
        assertThat(ContractSchemas.violations(Topics.CATALOG_EVENT, "EventPublished", record.value())).isEmpty();
        EventPublished published = EventJson.MAPPER.readValue(record.value(), EventPublished.class);
        assertThat(KafkaProbe.header(record, "eventId")).isEqualTo(published.eventId().toString());
        EventSnapshot snapshot = published.event();
        assertThat(snapshot.catalogEventId()).hasToString(id);
        assertThat(snapshot.organizerId()).isEqualTo(CatalogClient.ORGANIZER);
        assertThat(snapshot.status()).isEqualTo("PUBLISHED");
        assertThat(snapshot.version()).isEqualTo(2);
        assertThat(snapshot.slug()).isEqualTo(draft.get("slug").asString());
        assertThat(snapshot.venue().timezone()).isEqualTo("Europe/Madrid");
        assertThat(snapshot.venueCapacity()).isEqualTo(500);
        assertThat(snapshot.startsAt()).hasToString(draft.get("startsAt").asString());
        assertThat(snapshot.ticketTypes()).hasSize(2);
        assertThat(snapshot.ticketTypes().get(0).ticketTypeId()).hasToString(draft.get("ticketTypes").get(0).get("id").asString());
        assertThat(snapshot.ticketTypes().get(0).price().amountMinor()).isEqualTo(1500);
        assertThat(snapshot.ticketTypes().get(0).price().currency()).isEqualTo("EUR");
        assertThat(snapshot.ticketTypes().get(0).maxPerOrder()).isEqualTo(10);
    }

    @Test
    void announcesChangesOfPublicEventsOnlyAndInOrder() {
        Map<String, Object> body = event(20);
        JsonNode draft = catalog.createDraft(body);
        String id = draft.get("id").asString();
        body.put("version", 1);
        body.put("description", "edited while still a draft");
        assertThat(catalog.admin(HttpMethod.PUT, "/api/admin/events/" + id, body).status()).isEqualTo(200);
        catalog.admin(HttpMethod.POST, "/api/admin/events/" + id + "/publish", null);
        body.put("version", 3);
        CatalogClient.firstType(body).put("priceMinor", 1800);
        assertThat(catalog.admin(HttpMethod.PUT, "/api/admin/events/" + id, body).status()).isEqualTo(200);
        catalog.admin(HttpMethod.POST, "/api/admin/events/" + id + "/publish", null);
        catalog.admin(HttpMethod.POST, "/api/admin/events/" + id + "/cancel", null);

        List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(30))
                .until(() -> KafkaProbe.recordsWithKey(Topics.CATALOG_EVENT, id),
                        found -> found.stream().anyMatch(r -> "EventCancelled".equals(KafkaProbe.header(r, "eventType"))));

        assertThat(records).extracting(r -> KafkaProbe.header(r, "eventType"))
                .as("the draft edit and the repeated publish announce nothing")
                .containsExactly("EventPublished", "EventUpdated", "EventCancelled");
        assertThat(records).allSatisfy(r -> assertThat(ContractSchemas.violations(Topics.CATALOG_EVENT,
                KafkaProbe.header(r, "eventType"), r.value())).as("matches the contract schema").isEmpty());
        assertThat(records).extracting(r -> EventJson.MAPPER.readTree(r.value()).get("event").get("version").asLong())
                .containsExactly(3L, 4L, 5L);
        JsonNode updated = EventJson.MAPPER.readTree(records.get(1).value()).get("event");
        assertThat(updated.get("ticketTypes").get(0).get("price").get("amountMinor").asLong()).isEqualTo(1800);
        assertThat(EventJson.MAPPER.readTree(records.get(2).value()).get("event").get("status").asString())
                .isEqualTo("CANCELLED");
    }

    @Test
    void cancellingADraftAnnouncesNothing() {
        JsonNode draft = catalog.createDraft(event(20));
        String id = draft.get("id").asString();
        catalog.admin(HttpMethod.POST, "/api/admin/events/" + id + "/cancel", null);
        JsonNode other = catalog.createPublished(event(20));
        String otherId = other.get("id").asString();
        // Once a later publish reached Kafka, the relay has long passed the draft's cancellation.
        await().atMost(Duration.ofSeconds(30)).until(() -> !KafkaProbe.recordsWithKey(Topics.CATALOG_EVENT, otherId).isEmpty());
        assertThat(KafkaProbe.recordsWithKey(Topics.CATALOG_EVENT, id)).isEmpty();
    }
}
