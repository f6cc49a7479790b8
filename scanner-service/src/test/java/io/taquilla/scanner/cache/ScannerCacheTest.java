package io.taquilla.scanner.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taquilla.contracts.Topics;
import io.taquilla.contracts.ticketing.TicketsRevoked;
import io.taquilla.scanner.support.DoorFixture;
import io.taquilla.scanner.support.DoorFixture.Event;
import io.taquilla.scanner.support.DoorFixture.Ticket;
import io.taquilla.testsupport.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class ScannerCacheTest {

    @LocalServerPort int port;
    @Autowired Jdbi jdbi;

    @Test
    void ticketsIssuedFillTheCacheWithTypeAndHolder() {
        DoorFixture door = new DoorFixture(port, jdbi).publishKey();
        Event event = door.openEvent();

        List<Ticket> tickets = door.issue(event, event.vipType(), 2);

        Map<String, Object> row = jdbi.withHandle(h -> h.createQuery(
                "select ticket_type_name, holder_name, status, issued from ticket where ticket_id = :id")
                .bind("id", tickets.get(1).ticketId()).mapToMap().one());
        assertThat(row).containsEntry("ticket_type_name", "VIP").containsEntry("holder_name", "Holder 1")
                .containsEntry("status", "VALID").containsEntry("issued", true);
    }

    @Test
    void ticketsRevokedMarkThemRevokedAndARedeliveryChangesNothing() {
        DoorFixture door = new DoorFixture(port, jdbi).publishKey();
        Event event = door.openEvent();
        Ticket ticket = door.issue(event, event.gaType(), 1).get(0);
        TicketsRevoked revoked = new TicketsRevoked(UUID.randomUUID(), Instant.now(), ticket.orderId(), event.id(),
                List.of(ticket.ticketId()), "REFUNDED");

        DoorFixture.publish(Topics.TICKETING_TICKET, revoked);
        DoorFixture.publish(Topics.TICKETING_TICKET, revoked);

        await().atMost(Duration.ofSeconds(30)).until(() -> door.count(
                "select count(*) from ticket where status = 'REVOKED' and ticket_id = '" + ticket.ticketId() + "'") == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> door.count(
                "select count(*) from inbox where event_id = '" + revoked.eventId() + "'") == 1);
        assertThat(door.scan(ticket.qr(), event.id(), "north", DoorFixture.device()).text("reason")).isEqualTo("REVOKED");
    }

    @Test
    void aTicketFirstSeenAtTheDoorKeepsItsCheckInWhenTicketsIssuedArrives() {
        DoorFixture door = new DoorFixture(port, jdbi).publishKey();
        Event event = door.openEvent();
        // Scan a ticket before its TicketsIssued: admitted once, then the issue fills in the details.
        Ticket early = door.issue(event, event.gaType(), 1).get(0);
        jdbi.useHandle(h -> h.execute("delete from ticket where ticket_id = ?", early.ticketId()));
        assertThat(door.scan(early.qr(), event.id(), "north", DoorFixture.device()).text("verdict")).isEqualTo("ACCEPTED");
        assertThat(door.count("select count(*) from ticket where not issued and checked_in_at is not null and ticket_id = '"
                + early.ticketId() + "'")).isEqualTo(1);
    }
}
