package io.taquilla.scanner.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.taquilla.scanner.support.DoorFixture;
import io.taquilla.scanner.support.DoorFixture.Event;
import io.taquilla.scanner.support.DoorFixture.Response;
import io.taquilla.scanner.support.DoorFixture.Ticket;
import io.taquilla.testsupport.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class OfflineSyncTest {

    @LocalServerPort int port;
    @Autowired Jdbi jdbi;

    DoorFixture door;
    Event event;

    @BeforeEach
    void setUp() {
        door = new DoorFixture(port, jdbi).publishKey();
        event = door.openEvent();
    }

    @Test
    void bundleCarriesKeysRevokedAndUsedTicketsAndAVersionThatMoves() {
        List<Ticket> tickets = door.issue(event, event.gaType(), 3);
        door.revoke(event, tickets.get(0));
        door.scan(tickets.get(1).qr(), event.id(), "north", DoorFixture.device());

        Response bundle = door.get("/api/events/" + event.id() + "/offline-bundle", door.doorToken);

        assertThat(bundle.status()).isEqualTo(200);
        assertThat(texts(bundle.body().path("revokedTicketIds"))).containsExactly(tickets.get(0).ticketId().toString());
        assertThat(texts(bundle.body().path("usedTicketIds"))).containsExactly(tickets.get(1).ticketId().toString());
        assertThat(bundle.body().path("keys").valueStream().map(k -> k.path("keyId").asString())).contains(door.keyId);
        assertThat(bundle.body().path("event").path("status").asString()).isEqualTo("PUBLISHED");
        long version = bundle.body().path("version").asLong();

        door.scan(tickets.get(2).qr(), event.id(), "north", DoorFixture.device());
        Response later = door.get("/api/events/" + event.id() + "/offline-bundle", door.doorToken);
        assertThat(later.body().path("version").asLong()).isGreaterThan(version);
        assertThat(texts(later.body().path("usedTicketIds"))).hasSize(2);
    }

    @Test
    void bundleNeedsADoorToken() {
        assertThat(door.get("/api/events/" + event.id() + "/offline-bundle", null).status()).isEqualTo(401);
        assertThat(door.get("/api/events/" + event.id() + "/offline-bundle", door.adminToken).status()).isEqualTo(403);
    }

    @Test
    void uploadedScansAreJudgedAtDeviceTimeAndReportConflicts() {
        List<Ticket> tickets = door.issue(event, event.gaType(), 3);
        Ticket fresh = tickets.get(0);
        Ticket usedOnline = tickets.get(1);
        Ticket usedLaterOnline = tickets.get(2);
        Instant tenMinutesAgo = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MILLIS);
        String device = DoorFixture.device();
        // Scanned online before the offline device's scan: the online one stays first.
        door.scan(usedOnline.qr(), event.id(), "north", DoorFixture.device());
        // Scanned online *after* the offline scan (which only arrives now): the offline one wins.
        Response online = door.scan(usedLaterOnline.qr(), event.id(), "north", DoorFixture.device());
        assertThat(online.text("verdict")).isEqualTo("ACCEPTED");

        Response sync = sync(device, List.of(
                offline("n-1", fresh.qr(), tenMinutesAgo),
                offline("n-2", usedOnline.qr(), Instant.now().plusSeconds(1)),
                offline("n-3", usedLaterOnline.qr(), tenMinutesAgo),
                offline("n-4", "forged-code", tenMinutesAgo)));

        assertThat(sync.status()).isEqualTo(200);
        JsonNode results = sync.body().path("results");
        assertThat(results.get(0).path("verdict").asString()).isEqualTo("ACCEPTED");
        assertThat(results.get(0).path("conflict").asBoolean()).isFalse();
        assertThat(results.get(1).path("reason").asString()).isEqualTo("ALREADY_USED");
        assertThat(results.get(1).path("conflict").asBoolean()).isTrue();
        assertThat(results.get(1).path("otherScan").path("gate").asString()).isEqualTo("north");
        assertThat(results.get(2).path("verdict").asString()).isEqualTo("ACCEPTED");
        assertThat(results.get(2).path("conflict").asBoolean()).isTrue();
        assertThat(results.get(3).path("reason").asString()).isEqualTo("INVALID_SIGNATURE");
        assertThat(sync.body().path("conflicts").asLong()).isEqualTo(2);
        assertThat(sync.body().path("accepted").asLong()).isEqualTo(2);

        // The earliest scan is now the check-in on record.
        Response again = door.scan(usedLaterOnline.qr(), event.id(), "north", DoorFixture.device());
        assertThat(again.body().path("firstScan").path("deviceId").asString()).isEqualTo(device);
        assertThat(again.body().path("firstScan").path("offline").asBoolean()).isTrue();
    }

    @Test
    void repeatedUploadsChangeNothingAndReturnTheFirstAnswers() {
        List<Ticket> tickets = door.issue(event, event.gaType(), 2);
        String device = DoorFixture.device();
        Instant at = Instant.now().minus(Duration.ofMinutes(5));
        List<Map<String, Object>> scans = List.of(offline("a", tickets.get(0).qr(), at),
                offline("b", tickets.get(1).qr(), at.plusSeconds(3)), offline("c", tickets.get(0).qr(), at.plusSeconds(5)));

        Response first = sync(device, scans);
        Response second = sync(device, scans);

        assertThat(first.body().path("accepted").asLong()).isEqualTo(2);
        assertThat(first.body().path("duplicates").asLong()).isZero();
        assertThat(first.body().path("results").get(2).path("reason").asString()).isEqualTo("ALREADY_USED");
        assertThat(second.body().path("duplicates").asLong()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            JsonNode a = first.body().path("results").get(i);
            JsonNode b = second.body().path("results").get(i);
            assertThat(b.path("scanId").asString()).isEqualTo(a.path("scanId").asString());
            assertThat(b.path("verdict").asString()).isEqualTo(a.path("verdict").asString());
        }
        assertThat(door.count("select count(*) from scan_log where device_id = '" + device + "'")).isEqualTo(3);
    }

    @Test
    void concurrentUploadsOfOneBatchAdmitEachTicketOnce() throws Exception {
        List<Ticket> tickets = door.issue(event, event.gaType(), 5);
        String device = DoorFixture.device();
        List<Map<String, Object>> scans = new ArrayList<>();
        for (int i = 0; i < tickets.size(); i++) {
            scans.add(offline("n" + i, tickets.get(i).qr(), Instant.now().minusSeconds(60 - i)));
        }
        List<Thread> threads = new ArrayList<>();
        List<Response> responses = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> responses.add(sync(device, scans)));
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(responses).allSatisfy(r -> assertThat(r.body().path("accepted").asLong()).isEqualTo(5));
        assertThat(door.count("select count(*) from scan_log where device_id = '" + device + "'")).isEqualTo(5);
    }

    @Test
    void rejectsMalformedUploads() {
        assertThat(door.post("/api/scans/sync", door.doorToken, Map.of("deviceId", "d1", "scans", List.of())).status())
                .isEqualTo(400);
        Map<String, Object> noTime = new LinkedHashMap<>(offline("n", "qr", Instant.now()));
        noTime.remove("scannedAt");
        assertThat(door.post("/api/scans/sync", door.doorToken, Map.of("deviceId", "d1", "scans", List.of(noTime))).status())
                .isEqualTo(400);
        assertThat(door.post("/api/scans/sync", null, Map.of("deviceId", "d1", "scans", List.of())).status()).isEqualTo(401);
    }

    private Response sync(String device, List<Map<String, Object>> scans) {
        return door.post("/api/scans/sync", door.deviceToken(device), Map.of("scans", scans));
    }

    private Map<String, Object> offline(String nonce, String qr, Instant at) {
        Map<String, Object> scan = new LinkedHashMap<>();
        scan.put("nonce", nonce + "-" + UUID.randomUUID().toString().substring(0, 6).replace("-", ""));
        scan.put("qr", qr);
        scan.put("eventId", event.id().toString());
        scan.put("gate", "offline-gate");
        scan.put("scannedAt", at.toString());
        return scan;
    }

    private static List<String> texts(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
