package io.taquilla.scanner.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taquilla.scanner.support.DoorFixture;
import io.taquilla.scanner.support.DoorFixture.Event;
import io.taquilla.scanner.support.DoorFixture.Response;
import io.taquilla.scanner.support.DoorFixture.Ticket;
import io.taquilla.testsupport.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The door app's API: events, search, manual admission, own undo, recent scans, roster. */
@IntegrationTest
class DoorLookupTest {

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
    void findsATicketByWholeNumberOrPartOfTheNameAndRevealsNoContactData() {
        Ticket ticket = door.issue(event, event.gaType(), 1).get(0);
        String number = number(ticket);

        Response byNumber = door.get("/api/door/events/" + event.id() + "/tickets?q=" + number.toLowerCase(), door.doorToken);
        assertThat(byNumber.status()).isEqualTo(200);
        assertThat(byNumber.body().get(0).path("ticketId").asString()).isEqualTo(ticket.ticketId().toString());
        assertThat(byNumber.body().get(0).path("status").asString()).isEqualTo("VALID");
        assertThat(byNumber.body().get(0).has("email")).isFalse();

        String part = ticket.holderName().substring(1, 5);
        Response byName = door.get("/api/door/events/" + event.id() + "/tickets?q=" + part, door.doorToken);
        assertThat(byName.body().findValuesAsString("ticketId")).contains(ticket.ticketId().toString());

        // A prefix of the number is not a match: the door cannot walk through ticket numbers.
        Response prefix = door.get("/api/door/events/" + event.id() + "/tickets?q=" + number.substring(0, number.length() - 2),
                door.doorToken);
        assertThat(prefix.body().findValuesAsString("ticketId")).doesNotContain(ticket.ticketId().toString());
        // Another event's door does not find it.
        Event other = door.openEvent();
        assertThat(door.get("/api/door/events/" + other.id() + "/tickets?q=" + number, door.doorToken).body()).isEmpty();
    }

    @Test
    void searchRejectsTooShortQueriesAndNonDoorTokens() {
        Response shortQuery = door.get("/api/door/events/" + event.id() + "/tickets?q=ab", door.doorToken);
        assertThat(shortQuery.status()).isEqualTo(400);
        assertThat(shortQuery.text("type")).contains("search-too-short");
        assertThat(door.get("/api/door/events/" + event.id() + "/tickets?q=abcd", null).status()).isEqualTo(401);
        assertThat(door.get("/api/door/events/" + event.id() + "/tickets?q=abcd", door.adminToken).status()).isEqualTo(403);
        assertThat(door.get("/api/door/events/not-a-uuid/tickets?q=abcd", door.doorToken).status()).isEqualTo(400);
    }

    @Test
    void manualAdmissionChecksInOnceAndIsLoggedLikeAScan() {
        Ticket ticket = door.issue(event, event.gaType(), 1).get(0);
        Map<String, Object> admit = Map.of("ticketId", ticket.ticketId(), "eventId", event.id(), "gate", "south",
                "deviceId", "phone-1");

        Response first = door.post("/api/door/admissions", door.deviceToken("phone-1"), admit);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.text("verdict")).isEqualTo("ACCEPTED");
        assertThat(first.body().path("ticket").path("holderName").asString()).isEqualTo(ticket.holderName());

        Response again = door.post("/api/door/admissions", door.deviceToken("phone-1"), admit);
        assertThat(again.text("reason")).isEqualTo("ALREADY_USED");
        assertThat(again.body().path("firstScan").path("gate").asString()).isEqualTo("south");
        assertThat(door.scan(ticket.qr(), event.id(), "north", "phone-2").text("reason")).isEqualTo("ALREADY_USED");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Response recent = door.get("/api/door/events/" + event.id() + "/recent-scans?limit=5", door.doorToken);
            assertThat(recent.body().findValuesAsString("verdict")).containsExactly("REJECTED", "REJECTED", "ACCEPTED");
            assertThat(recent.body().get(2).path("holderName").asString()).isEqualTo(ticket.holderName());
        });
    }

    @Test
    void manualAdmissionRejectsUnknownRevokedAndOtherEventsTickets() {
        Ticket revoked = door.issue(event, event.gaType(), 1).get(0);
        door.revoke(event, revoked);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                door.count("select count(*) from ticket where status = 'REVOKED' and ticket_id = '" + revoked.ticketId() + "'") == 1);
        assertThat(admit(revoked.ticketId(), event.id()).text("reason")).isEqualTo("REVOKED");
        assertThat(admit(UUID.randomUUID(), event.id()).text("reason")).isEqualTo("UNKNOWN_TICKET");
        Ticket elsewhere = door.issue(door.openEvent(), event.gaType(), 1).get(0);
        assertThat(admit(elsewhere.ticketId(), event.id()).text("reason")).isEqualTo("WRONG_EVENT");
        assertThat(door.post("/api/door/admissions", door.doorToken, Map.of("ticketId", "x", "eventId", event.id(),
                "gate", "a", "deviceId", "b")).status()).isEqualTo(400);
        assertThat(door.post("/api/door/admissions", door.doorToken, Map.of("ticketId", revoked.ticketId(), "eventId", event.id(),
                "gate", "bad gate!", "deviceId", "b")).status()).isEqualTo(400);
    }

    @Test
    void theAdmittingDeviceUndoesItsOwnAdmissionOthersCannot() {
        List<Ticket> two = door.issue(event, event.gaType(), 2);
        door.scan(two.get(0).qr(), event.id(), "north", "phone-a");
        String path = "/api/door/checkins/" + two.get(0).ticketId() + "/undo";

        Response notMine = door.post(path, door.deviceToken("phone-b"), Map.of("deviceId", "phone-b", "reason", "mistap"));
        assertThat(notMine.status()).isEqualTo(409);
        assertThat(notMine.text("type")).contains("not-your-admission");

        Response undone = door.post(path, door.deviceToken("phone-a"), Map.of("deviceId", "phone-a", "reason", "mistap"));
        assertThat(undone.status()).isEqualTo(200);
        assertThat(undone.text("undoneBy")).as("the staff member and device from the token").matches("door:[^@]+@phone-a");
        assertThat(door.count("select count(*) from check_in_undo where ticket_id = '" + two.get(0).ticketId() + "'")).isEqualTo(1);
        assertThat(door.post(path, door.deviceToken("phone-a"), Map.of("deviceId", "phone-a", "reason", "again")).status()).isEqualTo(409);
        assertThat(door.scan(two.get(0).qr(), event.id(), "north", "phone-a").text("verdict")).isEqualTo("ACCEPTED");

        // Too late: an admission older than the window is a supervisor's to undo.
        door.scan(two.get(1).qr(), event.id(), "north", "phone-a");
        jdbi.useHandle(h -> h.execute("update ticket set checked_in_at = now() - interval '10 minutes' where ticket_id = ?",
                two.get(1).ticketId()));
        Response late = door.post("/api/door/checkins/" + two.get(1).ticketId() + "/undo", door.deviceToken("phone-a"),
                Map.of("deviceId", "phone-a", "reason", "mistap"));
        assertThat(late.text("type")).contains("undo-window-passed");
        assertThat(door.post(path, door.deviceToken("phone-a"), Map.of("deviceId", "phone-a")).status()).isEqualTo(400);
        assertThat(door.post("/api/door/checkins/" + UUID.randomUUID() + "/undo", door.deviceToken("phone-a"),
                Map.of("deviceId", "phone-a", "reason", "x")).status()).isEqualTo(404);
    }

    @Test
    void rosterListsTheEventsTicketsCompactlyWithAnEtag() {
        List<Ticket> issued = door.issue(event, event.gaType(), 3);
        Response roster = door.get("/api/door/events/" + event.id() + "/roster", door.doorToken);
        assertThat(roster.status()).isEqualTo(200);
        JsonNode body = roster.body();
        assertThat(body.path("tickets")).hasSize(3);
        JsonNode row = body.path("tickets").get(0);
        assertThat(issued.stream().map(t -> t.ticketId().toString())).contains(row.get(0).asString());
        assertThat(body.path("types").get(row.get(2).asInt()).asString()).isEqualTo("General admission");
        assertThat(door.get("/api/door/events", door.doorToken).body().findValuesAsString("eventId")).contains(event.id().toString());
    }

    private Response admit(UUID ticketId, UUID eventId) {
        return door.post("/api/door/admissions", door.deviceToken("phone-1"),
                Map.of("ticketId", ticketId, "eventId", eventId, "gate", "south", "deviceId", "phone-1"));
    }

    private String number(Ticket ticket) {
        return jdbi.withHandle(h -> h.select("select ticket_number from ticket where ticket_id = ?", ticket.ticketId())
                .mapTo(String.class).one());
    }
}
