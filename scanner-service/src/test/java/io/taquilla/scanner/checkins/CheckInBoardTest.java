package io.taquilla.scanner.checkins;

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

@IntegrationTest
class CheckInBoardTest {

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
    void boardShowsWhoIsInPerTypeAndGateAndWhatWasTurnedAway() {
        List<Ticket> ga = door.issue(event, event.gaType(), 3);
        Ticket vip = door.issue(event, event.vipType(), 1).get(0);
        door.scan(ga.get(0).qr(), event.id(), "north", DoorFixture.device());
        door.scan(ga.get(1).qr(), event.id(), "south", DoorFixture.device());
        door.scan(vip.qr(), event.id(), "north", DoorFixture.device());
        door.scan(vip.qr(), event.id(), "north", DoorFixture.device());
        door.scan("forged", event.id(), "north", DoorFixture.device());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Response board = door.get("/api/events/" + event.id() + "/checkins", door.doorToken);
            assertThat(board.status()).isEqualTo(200);
            JsonNode body = board.body();
            assertThat(body.path("inside").asLong()).isEqualTo(3);
            assertThat(body.path("admittedScans").asLong()).isEqualTo(3);
            assertThat(body.path("venueCapacity").asInt()).isEqualTo(110);
            assertThat(line(body.path("byTicketType"), "name", "General admission").path("inside").asLong()).isEqualTo(2);
            assertThat(line(body.path("byTicketType"), "name", "General admission").path("capacity").asInt()).isEqualTo(100);
            assertThat(line(body.path("byTicketType"), "name", "VIP").path("inside").asLong()).isEqualTo(1);
            assertThat(line(body.path("byGate"), "gate", "north").path("inside").asLong()).isEqualTo(2);
            assertThat(line(body.path("byGate"), "gate", "south").path("inside").asLong()).isEqualTo(1);
            assertThat(body.path("rejectedByReason").path("ALREADY_USED").asLong()).isEqualTo(1);
            assertThat(body.path("rejectedByReason").path("INVALID_SIGNATURE").asLong()).isEqualTo(1);
        });
        assertThat(door.get("/api/events/" + event.id() + "/checkins", door.adminToken).status()).isEqualTo(200);
        assertThat(door.get("/api/events/" + event.id() + "/checkins", null).status()).isEqualTo(401);
    }

    @Test
    void supervisorUndoesACheckInSoTheTicketScansAgainAndItIsAudited() {
        Ticket ticket = door.issue(event, event.gaType(), 1).get(0);
        door.scan(ticket.qr(), event.id(), "north", "device-x");
        String path = "/api/admin/scans/tickets/" + ticket.ticketId() + "/undo-check-in";

        Response undone = door.post(path, door.adminToken, Map.of("reason", "scanned the wrong guest's phone"));

        assertThat(undone.status()).isEqualTo(200);
        assertThat(undone.text("undoneBy")).isEqualTo("supervisor-ana");
        assertThat(undone.text("deviceId")).isEqualTo("device-x");
        assertThat(door.count("select count(*) from check_in_undo where ticket_id = '" + ticket.ticketId() + "'")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> door.count("select count(*) from outbox where type = 'CheckInUndone'"
                + " and payload->>'ticketId' = '" + ticket.ticketId() + "' and published_at is not null") == 1);
        assertThat(door.scan(ticket.qr(), event.id(), "south", DoorFixture.device()).text("verdict")).isEqualTo("ACCEPTED");
    }

    @Test
    void undoNeedsAnAdminAndACheckedInTicket() {
        Ticket ticket = door.issue(event, event.gaType(), 1).get(0);
        String path = "/api/admin/scans/tickets/" + ticket.ticketId() + "/undo-check-in";
        Map<String, String> body = Map.of("reason", "mistake");

        assertThat(door.post(path, null, body).status()).isEqualTo(401);
        assertThat(door.post(path, door.doorToken, body).status()).isEqualTo(403);
        Response notIn = door.post(path, door.adminToken, body);
        assertThat(notIn.status()).isEqualTo(409);
        assertThat(notIn.text("type")).isEqualTo("https://taquilla.io/problems/not-checked-in");
        assertThat(door.post("/api/admin/scans/tickets/" + UUID.randomUUID() + "/undo-check-in", door.adminToken, body).status())
                .isEqualTo(404);
        assertThat(door.post(path, door.adminToken, Map.of("reason", "")).status()).isEqualTo(400);
    }

    private static JsonNode line(JsonNode lines, String field, String value) {
        return lines.valueStream().filter(l -> value.equals(l.path(field).asString())).findFirst().orElseThrow();
    }
}
