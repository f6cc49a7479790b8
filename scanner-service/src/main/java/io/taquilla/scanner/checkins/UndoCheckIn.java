package io.taquilla.scanner.checkins;

import io.taquilla.contracts.Topics;
import io.taquilla.contracts.scanning.CheckInUndone;
import io.taquilla.messaging.outbox.Outbox;
import io.taquilla.scanner.door.CheckInDao.TicketState;
import io.taquilla.scanner.offline.OfflineCheckInDao;
import io.taquilla.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * A supervisor reverses a check-in (wrong person let in, scan by mistake): the ticket can be
 * scanned again. Who, why and what was undone is kept in {@code check_in_undo}, and
 * {@code CheckInUndone} is published.
 */
@Component
public class UndoCheckIn {

    private static final Logger log = LoggerFactory.getLogger(UndoCheckIn.class);

    public record Undone(UUID undoId, UUID ticketId, UUID eventId, Instant undoneAt, String undoneBy, String reason,
                         Instant checkedInAt, String gate, String deviceId) {}

    private final Jdbi jdbi;
    private final Outbox outbox;
    private final Clock clock;

    public UndoCheckIn(Jdbi jdbi, Outbox outbox, Clock clock) {
        this.jdbi = jdbi;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Undone undo(UUID ticketId, String supervisor, String reason) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Undone undone = jdbi.inTransaction(handle -> {
            TicketState state = handle.attach(OfflineCheckInDao.class).lock(ticketId)
                    .orElseThrow(() -> ApiProblem.notFound("Ticket", ticketId));
            if (state.checkedInAt() == null) {
                throw new ApiProblem(HttpStatus.CONFLICT, "not-checked-in", "Ticket not checked in",
                        "Ticket " + ticketId + " is not checked in, so there is nothing to undo");
            }
            Undone result = new Undone(UUID.randomUUID(), ticketId, state.catalogEventId(), now, supervisor, reason,
                    state.checkedInAt(), state.checkedInGate(), state.checkedInDevice());
            handle.createUpdate("""
                    update ticket set checked_in_at = null, checked_in_gate = null, checked_in_device = null,
                                      checked_in_scan_id = null, checked_in_offline = false,
                                      change_seq = nextval('ticket_change_seq')
                     where ticket_id = :ticketId
                    """).bind("ticketId", ticketId).execute();
            handle.createUpdate("""
                    insert into check_in_undo (undo_id, ticket_id, catalog_event_id, undone_by, reason, undone_at,
                                               checked_in_at, checked_in_gate, checked_in_device, checked_in_scan_id)
                    values (:undoId, :ticketId, :eventId, :undoneBy, :reason, :undoneAt, :checkedInAt, :gate, :device, :scanId)
                    """).bindMethods(result).bind("scanId", state.checkedInScanId()).bind("device", state.checkedInDevice())
                    .execute();
            outbox.append(handle, Topics.SCANNING_SCAN, new CheckInUndone(UUID.randomUUID(), now, ticketId,
                    state.catalogEventId(), supervisor, reason));
            return result;
        });
        log.info("check-in of ticket {} for event {} undone by {}: {}", ticketId, undone.eventId(), supervisor, reason);
        return undone;
    }
}
