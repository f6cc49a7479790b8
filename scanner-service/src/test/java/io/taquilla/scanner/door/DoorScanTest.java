package io.taquilla.scanner.door;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taquilla.scanner.support.DoorFixture;
import io.taquilla.scanner.support.DoorFixture.Event;
import io.taquilla.scanner.support.DoorFixture.Response;
import io.taquilla.scanner.support.DoorFixture.Ticket;
import io.taquilla.testsupport.IntegrationTest;
import io.taquilla.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class DoorScanTest {

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
    void admitsAnIssuedTicketOnceShowingTypeAndHolderThenReportsTheFirstScan() {
        Ticket ticket = door.issue(event, event.vipType(), 1).get(0);

        Response first = door.scan(ticket.qr(), event.id(), "north", "device-a1");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.text("verdict")).isEqualTo("ACCEPTED");
        assertThat(first.body().path("ticket").path("ticketType").asString()).isEqualTo("VIP");
        assertThat(first.body().path("ticket").path("holderName").asString()).isEqualTo("Holder 0");

        Response second = door.scan(ticket.qr(), event.id(), "south", "device-b2");
        assertThat(second.text("verdict")).isEqualTo("REJECTED");
        assertThat(second.text("reason")).isEqualTo("ALREADY_USED");
        assertThat(second.body().path("firstScan").path("gate").asString()).isEqualTo("north");
        assertThat(second.body().path("firstScan").path("deviceId").asString()).isEqualTo("device-a1");
        assertThat(Instant.parse(second.body().path("firstScan").path("scannedAt").asString()))
                .isEqualTo(Instant.parse(first.text("scannedAt")));
    }

    @Test
    void logsEveryScanAndPublishesItThroughTheOutbox() {
        Ticket ticket = door.issue(event, event.gaType(), 1).get(0);
        door.scan(ticket.qr(), event.id(), "north", DoorFixture.device());
        door.scan(ticket.qr(), event.id(), "north", DoorFixture.device());
        door.scan("not-a-ticket", event.id(), "north", DoorFixture.device());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(door.count("select count(*) from scan_log where catalog_event_id = '" + event.id() + "'")).isEqualTo(3);
            assertThat(door.count("select count(*) from outbox where type = 'TicketScanned' and aggregateid = '"
                    + event.id() + "' and published_at is not null")).isEqualTo(3);
        });
    }

    @Test
    void rejectsForgedTamperedAndGarbageCodesAsInvalidSignature() {
        Ticket ticket = door.issue(event, event.gaType(), 1).get(0);
        DoorFixture forger = new DoorFixture(port, jdbi); // a key the scanner never heard of
        String forged = forger.token(ticket.ticketId(), event.id(), event.gaType());
        byte[] bytes = Base64.getUrlDecoder().decode(ticket.qr());
        bytes[10] ^= 0x01; // another ticket id, same signature
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        List<String> invalid = List.of(forged, tampered, "garbage!", "https://example.com/not-a-ticket",
                ticket.qr().substring(0, 60), "x".repeat(1000));
        for (String qr : invalid) {
            Response response = door.scan(qr, event.id(), "north", DoorFixture.device());
            assertThat(response.status()).as(qr).isEqualTo(200);
            assertThat(response.text("verdict")).as(qr).isEqualTo("REJECTED");
            assertThat(response.text("reason")).as(qr).isEqualTo("INVALID_SIGNATURE");
        }
        // None of them used the ticket up.
        assertThat(door.scan(ticket.qr(), event.id(), "north", DoorFixture.device()).text("verdict")).isEqualTo("ACCEPTED");
    }

    @Test
    void rejectsEmptyAndOversizedCodesAsBadRequests() {
        Response empty = door.scan("", event.id(), "north", DoorFixture.device());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.text("type")).isEqualTo("https://taquilla.io/problems/validation");
        Response oversized = door.scan("A".repeat(5000), event.id(), "north", DoorFixture.device());
        assertThat(oversized.status()).isEqualTo(400);
        Response noEvent = door.post("/api/scans", door.doorToken, Map.of("qr", "abc", "gate", "north", "deviceId", "d1"));
        assertThat(noEvent.status()).isEqualTo(400);
        Response badEvent = door.post("/api/scans", door.doorToken,
                Map.of("qr", "abc", "eventId", "not-a-uuid", "gate", "north", "deviceId", "d1"));
        assertThat(badEvent.status()).isEqualTo(400);
    }

    @Test
    void rejectsATicketForAnotherEvent() {
        Ticket ticket = door.issue(event, event.gaType(), 1).get(0);
        Event other = door.openEvent();

        Response response = door.scan(ticket.qr(), other.id(), "north", DoorFixture.device());

        assertThat(response.text("reason")).isEqualTo("WRONG_EVENT");
        assertThat(door.scan(ticket.qr(), event.id(), "north", DoorFixture.device()).text("verdict")).isEqualTo("ACCEPTED");
    }

    @Test
    void rejectsATicketRevokedAfterARefund() {
        List<Ticket> tickets = door.issue(event, event.gaType(), 2);
        door.revoke(event, tickets.get(0));

        assertThat(door.scan(tickets.get(0).qr(), event.id(), "north", DoorFixture.device()).text("reason")).isEqualTo("REVOKED");
        assertThat(door.scan(tickets.get(1).qr(), event.id(), "north", DoorFixture.device()).text("verdict")).isEqualTo("ACCEPTED");
    }

    @Test
    void rejectsScansBeforeTheDoorsOpenAndForCancelledEvents() {
        Event nextWeek = door.event(Instant.now().plus(Duration.ofDays(7)), Instant.now().plus(Duration.ofDays(7).plusHours(1)),
                "PUBLISHED");
        Ticket early = door.issue(nextWeek, nextWeek.gaType(), 1).get(0);
        assertThat(door.scan(early.qr(), nextWeek.id(), "north", DoorFixture.device()).text("reason")).isEqualTo("EVENT_NOT_OPEN");

        Ticket ticket = door.issue(event, event.gaType(), 1).get(0);
        door.cancel(event);
        assertThat(door.scan(ticket.qr(), event.id(), "north", DoorFixture.device()).text("reason")).isEqualTo("EVENT_NOT_OPEN");
    }

    @Test
    void admitsAValidlySignedTicketTheCacheHasNotSeenOnce() {
        UUID ticketId = UUID.randomUUID();
        String qr = door.token(ticketId, event.id(), event.gaType());

        Response first = door.scan(qr, event.id(), "north", DoorFixture.device());
        assertThat(first.text("verdict")).isEqualTo("ACCEPTED");
        assertThat(first.body().path("ticket").path("ticketType").asString()).isEqualTo("General admission");
        assertThat(door.scan(qr, event.id(), "south", DoorFixture.device()).text("reason")).isEqualTo("ALREADY_USED");
    }

    @Test
    void fiftyDevicesScanningOneTicketAtOnceAdmitItExactlyOnce() throws Exception {
        Ticket ticket = door.issue(event, event.gaType(), 1).get(0);
        int devices = 50;
        ExecutorService pool = Executors.newFixedThreadPool(devices);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> scans = new ArrayList<>();
        for (int i = 0; i < devices; i++) {
            String device = "gate-device-" + i + "-" + UUID.randomUUID().toString().substring(0, 4);
            scans.add(pool.submit(() -> {
                start.await();
                return door.scan(ticket.qr(), event.id(), "gate-" + device.length(), device);
            }));
        }
        start.countDown();
        List<Response> responses = new ArrayList<>();
        for (Future<Response> scan : scans) {
            responses.add(scan.get());
        }
        pool.shutdown();

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(responses.stream().filter(r -> "ACCEPTED".equals(r.text("verdict")))).hasSize(1);
        assertThat(responses.stream().filter(r -> "ALREADY_USED".equals(r.text("reason")))).hasSize(devices - 1);
    }

    @Test
    void needsADoorToken() {
        Ticket ticket = door.issue(event, event.gaType(), 1).get(0);
        Map<String, String> body = Map.of("qr", ticket.qr(), "eventId", event.id().toString(), "gate", "north");

        Response anonymous = door.post("/api/scans", null, body);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.text("type")).isEqualTo("https://taquilla.io/problems/unauthorized");

        String buyer = TestTokens.token().subject("buyer").mint();
        assertThat(door.post("/api/scans", buyer, body).status()).isEqualTo(403);
        Response admin = door.post("/api/scans", door.adminToken, body);
        assertThat(admin.status()).isEqualTo(403);
        assertThat(admin.text("type")).isEqualTo("https://taquilla.io/problems/forbidden");
        String forged = TestTokens.hs256();
        assertThat(door.post("/api/scans", forged, body).status()).isEqualTo(401);

        assertThat(door.count("select count(*) from ticket where checked_in_at is not null and ticket_id = '"
                + ticket.ticketId() + "'")).isZero();
    }

    @Test
    void throttlesADeviceThatSendsABurstOfInvalidCodes() {
        Ticket ticket = door.issue(event, event.gaType(), 1).get(0);
        String device = DoorFixture.device();
        Response throttled = null;
        int invalid = 0;
        for (int i = 0; i < 60 && throttled == null; i++) {
            Response response = door.scan("forged-" + i, event.id(), "north", device);
            if (response.status() == 429) {
                throttled = response;
            } else {
                assertThat(response.text("reason")).isEqualTo("INVALID_SIGNATURE");
                invalid++;
            }
        }
        assertThat(throttled).isNotNull();
        assertThat(invalid).isGreaterThanOrEqualTo(10);
        assertThat(throttled.text("type")).isEqualTo("https://taquilla.io/problems/invalid-signature-burst");
        // A paused device is refused even with a good ticket.
        assertThat(door.scan(ticket.qr(), event.id(), "north", device).status()).isEqualTo(429);
        // Other devices are unaffected.
        assertThat(door.scan(ticket.qr(), event.id(), "north", DoorFixture.device()).text("verdict")).isEqualTo("ACCEPTED");
    }

    @Test
    void exposesScansByVerdictAndReasonLatencyAdmissionsAndThrottling() {
        Ticket ticket = door.issue(event, event.gaType(), 1).get(0);
        door.scan(ticket.qr(), event.id(), "north", DoorFixture.device());
        door.scan(ticket.qr(), event.id(), "north", DoorFixture.device());
        door.scan("forged", event.id(), "north", DoorFixture.device());

        String metrics = org.springframework.web.client.RestClient.create("http://localhost:" + port)
                .get().uri("/actuator/prometheus").retrieve().body(String.class);

        assertThat(metrics).contains("taquilla_scanner_scans_total{", "reason=\"ALREADY_USED\"",
                "reason=\"INVALID_SIGNATURE\"", "verdict=\"ACCEPTED\"", "taquilla_scanner_scan_latency_seconds_bucket",
                "taquilla_scanner_admitted_total{application=\"scanner-service\",event=\"" + event.id() + "\"}",
                "taquilla_scanner_throttled_total", "taquilla_scanner_offline_conflicts_total");
    }

}
