package io.taquilla.scanner.security;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The door takes who and where from the verified token, and admits only at its organizer's
 * (listed) events; the scanner's staff routes are the owning organizer's.
 */
@IntegrationTest
class DoorIdentityTest {

    @LocalServerPort int port;
    @Autowired Jdbi jdbi;

    DoorFixture door;
    Event ours;
    Event theirs;
    final UUID otherOrganizer = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        door = new DoorFixture(port, jdbi).publishKey();
        ours = door.openEvent();
        theirs = door.openEventOf(otherOrganizer);
    }

    private Map<String, Object> scanBody(Ticket ticket, Event at) {
        return Map.of("qr", ticket.qr(), "eventId", at.id().toString(), "gate", "north");
    }

    private boolean checkedIn(Ticket ticket) {
        return door.count("select count(*) from ticket where checked_in_at is not null and ticket_id = '"
                + ticket.ticketId() + "'") == 1;
    }

    @Test
    void theScanLogRecordsTheTokensDeviceAndStaffMemberNeverTheBodys() {
        Ticket ticket = door.issue(ours, ours.gaType(), 1).get(0);
        String token = TestTokens.token().subject("staff-lucia").roles("door").organizer(DoorFixture.ORGANIZER)
                .deviceId("phone-7").mint();
        Map<String, Object> lying = new java.util.HashMap<>(scanBody(ticket, ours));
        lying.put("deviceId", "phone-somebody-else");
        Response refused = door.post("/api/scans", token, lying);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("type")).isEqualTo("https://taquilla.io/problems/device-mismatch");
        assertThat(checkedIn(ticket)).isFalse();

        Response scanned = door.post("/api/scans", token, scanBody(ticket, ours));
        assertThat(scanned.text("verdict")).isEqualTo("ACCEPTED");
        String scanId = scanned.text("scanId");
        await().atMost(Duration.ofSeconds(10)).until(() -> door.count("select count(*) from scan_log where scan_id = '"
                + scanId + "' and device_id = 'phone-7' and staff_subject = 'staff-lucia'") == 1);
        assertThat(door.count("select count(*) from ticket where ticket_id = '" + ticket.ticketId()
                + "' and checked_in_device = 'phone-7'")).isEqualTo(1);
    }

    @Test
    void aDoorTokenWithoutADeviceDoesNotScan() {
        Ticket ticket = door.issue(ours, ours.gaType(), 1).get(0);
        String noDevice = TestTokens.token().roles("door").organizer(DoorFixture.ORGANIZER).mint();
        Response refused = door.post("/api/scans", noDevice, scanBody(ticket, ours));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("detail")).contains("device_id");
        assertThat(checkedIn(ticket)).isFalse();
    }

    @Test
    void anotherOrganizersTicketIsTheWrongEventAndNotAdmitted() {
        Ticket foreign = door.issue(theirs, theirs.gaType(), 1).get(0);
        // Our door, claiming to stand at their event, with their ticket: not ours to admit.
        Response atTheirs = door.post("/api/scans", door.deviceToken("our-gate"), scanBody(foreign, theirs));
        assertThat(atTheirs.text("verdict")).isEqualTo("REJECTED");
        assertThat(atTheirs.text("reason")).isEqualTo("WRONG_EVENT");
        // Our door at our event, with their ticket.
        Response atOurs = door.post("/api/scans", door.deviceToken("our-gate"), scanBody(foreign, ours));
        assertThat(atOurs.text("reason")).isEqualTo("WRONG_EVENT");
        assertThat(checkedIn(foreign)).isFalse();
        // Their own door admits it.
        Response theirDoor = door.post("/api/scans", TestTokens.door(otherOrganizer, "their-gate"), scanBody(foreign, theirs));
        assertThat(theirDoor.text("verdict")).isEqualTo("ACCEPTED");
    }

    @Test
    void aDoorTokenListingEventsAdmitsOnlyAtThoseEvents() {
        Event tonight = door.openEvent();
        Ticket ticket = door.issue(ours, ours.gaType(), 1).get(0);
        String onlyTonight = TestTokens.door(DoorFixture.ORGANIZER, "listed-gate", tonight.id());
        Response refused = door.post("/api/scans", onlyTonight, scanBody(ticket, ours));
        assertThat(refused.text("reason")).isEqualTo("WRONG_EVENT");
        assertThat(checkedIn(ticket)).isFalse();
        Ticket tonightsTicket = door.issue(tonight, tonight.gaType(), 1).get(0);
        assertThat(door.post("/api/scans", onlyTonight, scanBody(tonightsTicket, tonight)).text("verdict")).isEqualTo("ACCEPTED");
    }

    @Test
    void offlineUploadsBelongToTheTokensDeviceAndStayInScope() {
        Ticket mine = door.issue(ours, ours.gaType(), 1).get(0);
        Ticket foreign = door.issue(theirs, theirs.gaType(), 1).get(0);
        String token = TestTokens.token().subject("staff-marco").roles("door").organizer(DoorFixture.ORGANIZER)
                .deviceId("tablet-3").mint();
        List<Map<String, Object>> scans = List.of(offline("n1", mine, ours), offline("n2", foreign, theirs));

        Response mismatch = door.post("/api/scans/sync", token, Map.of("deviceId", "tablet-9", "scans", scans));
        assertThat(mismatch.status()).isEqualTo(400);

        Response synced = door.post("/api/scans/sync", token, Map.of("scans", scans));
        assertThat(synced.status()).isEqualTo(200);
        assertThat(synced.text("deviceId")).isEqualTo("tablet-3");
        assertThat(synced.body().path("results").get(0).path("verdict").asString()).isEqualTo("ACCEPTED");
        assertThat(synced.body().path("results").get(1).path("reason").asString()).isEqualTo("WRONG_EVENT");
        assertThat(door.count("select count(*) from scan_log where device_id = 'tablet-3' and staff_subject = 'staff-marco'"
                + " and offline")).isEqualTo(2);
        assertThat(checkedIn(foreign)).isFalse();
    }

    @Test
    void bundlesBoardsAndUndoAreTheOwningOrganizers() {
        Ticket ticket = door.issue(theirs, theirs.gaType(), 1).get(0);
        door.post("/api/scans", TestTokens.door(otherOrganizer, "their-gate"), scanBody(ticket, theirs));

        assertThat(door.get("/api/events/" + theirs.id() + "/offline-bundle", door.doorToken).status()).isEqualTo(404);
        assertThat(door.get("/api/events/" + theirs.id() + "/checkins", door.doorToken).status()).isEqualTo(404);
        assertThat(door.get("/api/events/" + theirs.id() + "/checkins", door.adminToken).status()).isEqualTo(404);
        assertThat(door.get("/api/events/" + theirs.id() + "/checkins", TestTokens.organizerStaff(DoorFixture.ORGANIZER))
                .status()).isEqualTo(404);
        String undo = "/api/admin/scans/tickets/" + ticket.ticketId() + "/undo-check-in";
        Response foreignUndo = door.post(undo, door.adminToken, Map.of("reason", "not ours"));
        assertThat(foreignUndo.status()).isEqualTo(404);
        assertThat(checkedIn(ticket)).isTrue();

        assertThat(door.get("/api/events/" + theirs.id() + "/offline-bundle", TestTokens.door(otherOrganizer, "g")).status())
                .isEqualTo(200);
        assertThat(door.get("/api/events/" + theirs.id() + "/checkins", TestTokens.organizerStaff(otherOrganizer)).status())
                .isEqualTo(200);
        assertThat(door.get("/api/events/" + theirs.id() + "/checkins", TestTokens.platformAdmin()).status()).isEqualTo(200);
        // Organizer staff may undo a check-in at their own events (a door supervisor's task).
        Response undone = door.post(undo, TestTokens.organizerStaff(otherOrganizer), Map.of("reason", "wrong guest"));
        assertThat(undone.status()).isEqualTo(200);
        assertThat(checkedIn(ticket)).isFalse();
    }

    private static Map<String, Object> offline(String nonce, Ticket ticket, Event at) {
        return Map.of("nonce", nonce + "-" + UUID.randomUUID().toString().substring(0, 8), "qr", ticket.qr(),
                "eventId", at.id().toString(), "gate", "east", "scannedAt", Instant.now().minusSeconds(60).toString());
    }
}
