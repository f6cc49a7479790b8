package io.taquilla.scanner.lookup;

import io.taquilla.scanner.checkins.UndoCheckIn;
import io.taquilla.scanner.door.CheckInDao;
import io.taquilla.web.ApiProblem;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * A door person's "oops": the last admission they made, by mistap, taken back within a short
 * window ({@code SCANNER_DOOR_UNDO_WINDOW}, 2 minutes). Only the device that admitted may, and
 * only while the check-in is its own; anything else is a supervisor's undo. Audited and published
 * exactly as a supervisor's ({@link UndoCheckIn}), with "door:device" as who.
 */
@Component
class UndoOwnAdmission {

    private final CheckInDao checkIns;
    private final UndoCheckIn undo;
    private final Clock clock;
    private final Duration window;

    UndoOwnAdmission(Jdbi jdbi, UndoCheckIn undo, Clock clock,
                     @Value("${taquilla.scanner.door-undo-window:2m}") Duration window) {
        this.checkIns = jdbi.onDemand(CheckInDao.class);
        this.undo = undo;
        this.clock = clock;
        this.window = window;
    }

    UndoCheckIn.Undone undo(UUID ticketId, String deviceId, String staff, String reason) {
        CheckInDao.TicketState state = checkIns.find(ticketId).orElseThrow(() -> ApiProblem.notFound("Ticket", ticketId));
        if (state.checkedInAt() == null) {
            throw new ApiProblem(HttpStatus.CONFLICT, "not-checked-in", "Ticket not checked in",
                    "Ticket " + ticketId + " is not checked in, so there is nothing to undo");
        }
        if (!deviceId.equals(state.checkedInDevice())) {
            throw new ApiProblem(HttpStatus.CONFLICT, "not-your-admission", "Admitted by another device",
                    "This ticket was let in by device " + state.checkedInDevice() + "; ask a supervisor to undo it");
        }
        if (state.checkedInAt().plus(window).isBefore(clock.instant())) {
            throw new ApiProblem(HttpStatus.CONFLICT, "undo-window-passed", "Too late to undo",
                    "Admissions can be undone at the door for " + window.toSeconds() + " s; ask a supervisor");
        }
        return undo.undo(ticketId, "door:" + staff + "@" + deviceId, reason);
    }
}
