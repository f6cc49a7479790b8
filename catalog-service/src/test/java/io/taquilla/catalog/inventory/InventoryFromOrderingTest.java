package io.taquilla.catalog.inventory;

import static io.taquilla.catalog.CatalogClient.event;
import static io.taquilla.catalog.CatalogClient.firstType;
import static io.taquilla.catalog.CatalogClient.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taquilla.catalog.CatalogClient;
import io.taquilla.catalog.CatalogClient.Reply;
import io.taquilla.catalog.KafkaProbe;
import io.taquilla.contracts.Topics;
import io.taquilla.contracts.ordering.InventoryChanged;
import io.taquilla.testsupport.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class InventoryFromOrderingTest {

    @LocalServerPort int port;
    @Autowired Jdbi jdbi;
    CatalogClient catalog;

    @BeforeEach
    void connect() {
        catalog = new CatalogClient(port);
    }

    @Test
    void inventoryEventsUpdateTheAvailabilityAndBlockCapacityBelowSold() throws Exception {
        Map<String, Object> body = event(25);
        JsonNode event = catalog.createPublished(body);
        UUID id = UUID.fromString(event.get("id").asString());
        UUID ga = UUID.fromString(event.get("ticketTypes").get(0).get("id").asString());

        KafkaProbe.publish(Topics.ORDERING_INVENTORY,
                new InventoryChanged(UUID.randomUUID(), Instant.now(), id, ga, 300, 5, 40, 255));

        JsonNode shown = await().atMost(Duration.ofSeconds(30)).until(
                () -> catalog.get("/api/events/" + id).body(),
                view -> view.get("ticketTypes").get(0).get("availability").get("sold").asInt() == 40);
        JsonNode gaAvailability = shown.get("ticketTypes").get(0).get("availability");
        assertThat(gaAvailability.get("held").asInt()).isEqualTo(5);
        assertThat(gaAvailability.get("available").asInt()).isEqualTo(255);
        assertThat(gaAvailability.get("soldOut").asBoolean()).isFalse();
        assertThat(shown.get("availability").get("totalCapacity").asInt()).isEqualTo(350);
        assertThat(shown.get("availability").get("totalSold").asInt()).isEqualTo(40);
        assertThat(shown.get("availability").get("totalAvailable").asInt()).isEqualTo(305);

        body.put("version", event.get("version").asLong());
        firstType(body).put("capacity", 39);
        Reply belowSold = catalog.admin(HttpMethod.PUT, "/api/admin/events/" + id, body);
        assertThat(belowSold.status()).isEqualTo(409);
        assertThat(belowSold.isProblem()).isTrue();
        assertThat(belowSold.problemType()).endsWith("/capacity-below-sold");
        assertThat(belowSold.body().get("errors").findValuesAsString("field")).containsExactly("ticketTypes[0].capacity");

        types(body).remove(0);
        Reply removed = catalog.admin(HttpMethod.PUT, "/api/admin/events/" + id, body);
        assertThat(removed.status()).isEqualTo(409);
        assertThat(removed.body().get("detail").asString()).contains("GA", "40");

        Map<String, Object> exactlySold = event(25);
        exactlySold.put("name", body.get("name"));
        exactlySold.put("startsAt", body.get("startsAt"));
        exactlySold.put("version", event.get("version").asLong());
        firstType(exactlySold).put("capacity", 40);
        Reply reduced = catalog.admin(HttpMethod.PUT, "/api/admin/events/" + id, exactlySold);
        assertThat(reduced.status()).isEqualTo(200);
        assertThat(reduced.body().get("ticketTypes").get(0).get("sold").asInt()).isEqualTo(40);
        JsonNode soldOut = catalog.get("/api/events/" + id).body().get("ticketTypes").get(0).get("availability");
        assertThat(soldOut.get("capacity").asInt()).isEqualTo(40);
        assertThat(soldOut.get("available").asInt()).isZero();
        assertThat(soldOut.get("soldOut").asBoolean()).isTrue();
    }

    @Test
    void aRedeliveredCountIsAppliedOnceAndAnUnreadableOneIsParkedWithoutBlockingTheRest() throws Exception {
        JsonNode event = catalog.createPublished(event(25));
        UUID id = UUID.fromString(event.get("id").asString());
        UUID ga = UUID.fromString(event.get("ticketTypes").get(0).get("id").asString());
        InventoryChanged change = new InventoryChanged(UUID.randomUUID(), Instant.now(), id, ga, 300, 1, 2, 297);

        KafkaProbe.publish(Topics.ORDERING_INVENTORY, change);
        KafkaProbe.publish(Topics.ORDERING_INVENTORY, change);
        KafkaProbe.publishRaw(Topics.ORDERING_INVENTORY, id.toString(), "InventoryChanged", UUID.randomUUID().toString(),
                "{\"catalogEventId\": ");
        KafkaProbe.publish(Topics.ORDERING_INVENTORY,
                new InventoryChanged(UUID.randomUUID(), Instant.now().plusSeconds(1), id, ga, 300, 0, 3, 297));

        await().atMost(Duration.ofSeconds(30)).until(
                () -> catalog.get("/api/events/" + id).body().get("ticketTypes").get(0).get("availability").get("sold").asInt() == 3);
        int recorded = jdbi.withHandle(h -> h.createQuery("select count(*) from inbox where event_id = :id")
                .bind("id", change.eventId()).mapTo(Integer.class).one());
        assertThat(recorded).isEqualTo(1);
        assertThat(KafkaProbe.recordsWithKey(Topics.deadLetter(Topics.ORDERING_INVENTORY), id.toString()))
                .singleElement().satisfies(parked -> assertThat(parked.value()).startsWith("{\"catalogEventId\""));
    }

    @Test
    void anOlderCountArrivingLateDoesNotOverwriteANewerOne() throws Exception {
        JsonNode event = catalog.createPublished(event(25));
        UUID id = UUID.fromString(event.get("id").asString());
        UUID ga = UUID.fromString(event.get("ticketTypes").get(0).get("id").asString());
        UUID vip = UUID.fromString(event.get("ticketTypes").get(1).get("id").asString());
        Instant now = Instant.now();

        KafkaProbe.publish(Topics.ORDERING_INVENTORY, new InventoryChanged(UUID.randomUUID(), now, id, ga, 300, 0, 20, 280));
        KafkaProbe.publish(Topics.ORDERING_INVENTORY,
                new InventoryChanged(UUID.randomUUID(), now.minusSeconds(5), id, ga, 300, 0, 10, 290));
        // Same key, same partition: once the VIP count shows, the stale GA count has been handled too.
        KafkaProbe.publish(Topics.ORDERING_INVENTORY, new InventoryChanged(UUID.randomUUID(), now, id, vip, 50, 0, 7, 43));

        JsonNode shown = await().atMost(Duration.ofSeconds(30)).until(
                () -> catalog.get("/api/events/" + id).body(),
                view -> view.get("ticketTypes").get(1).get("availability").get("sold").asInt() == 7);
        assertThat(shown.get("ticketTypes").get(0).get("availability").get("sold").asInt()).isEqualTo(20);
    }
}
