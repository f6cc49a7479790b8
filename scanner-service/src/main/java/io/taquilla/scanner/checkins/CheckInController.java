package io.taquilla.scanner.checkins;

import io.taquilla.scanner.cache.ScannableEvents;
import io.taquilla.scanner.door.DoorScope;
import io.taquilla.scanner.door.domain.ScannableEvent;
import io.taquilla.web.ApiProblem;
import io.taquilla.web.security.StaffCaller;
import jakarta.validation.Valid;
import org.jdbi.v3.core.Jdbi;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The check-in board for the door and the organizer's staff of that event, and the staff's undo.
 * Another organizer's event or ticket is not found.
 */
@RestController
class CheckInController {

    record UndoRequest(@NotBlank @Size(max = 500) String reason) {}

    private final CheckInBoard board;
    private final UndoCheckIn undo;
    private final ScannableEvents events;
    private final Jdbi jdbi;

    CheckInController(CheckInBoard board, UndoCheckIn undo, ScannableEvents events, Jdbi jdbi) {
        this.board = board;
        this.undo = undo;
        this.events = events;
        this.jdbi = jdbi;
    }

    @GetMapping("/api/events/{eventId}/checkins")
    CheckInBoard.Board checkins(@PathVariable UUID eventId, StaffCaller caller) {
        if (!DoorScope.admitsAt(caller, eventId, events.find(eventId).orElse(null))) {
            throw ApiProblem.notFound("Event", eventId);
        }
        return board.board(eventId);
    }

    @PostMapping("/api/admin/scans/tickets/{ticketId}/undo-check-in")
    UndoCheckIn.Undone undo(@PathVariable UUID ticketId, @Valid @RequestBody UndoRequest request,
                            StaffCaller supervisor) {
        UUID eventId = jdbi.withHandle(h -> h.createQuery("select catalog_event_id from ticket where ticket_id = :id")
                .bind("id", ticketId).mapTo(UUID.class).findOne()).orElseThrow(() -> ApiProblem.notFound("Ticket", ticketId));
        ScannableEvent event = events.find(eventId).orElse(null);
        supervisor.requireAssist(event == null ? null : event.organizerId(), "Ticket", ticketId);
        return undo.undo(ticketId, supervisor.subject(), request.reason());
    }
}
