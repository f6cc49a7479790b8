package io.taquilla.scanner.checkins;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The check-in board for door staff and supervisors, and the supervisor's undo. */
@RestController
class CheckInController {

    record UndoRequest(@NotBlank @Size(max = 500) String reason) {}

    private final CheckInBoard board;
    private final UndoCheckIn undo;

    CheckInController(CheckInBoard board, UndoCheckIn undo) {
        this.board = board;
        this.undo = undo;
    }

    @GetMapping("/api/events/{eventId}/checkins")
    CheckInBoard.Board checkins(@PathVariable UUID eventId) {
        return board.board(eventId);
    }

    @PostMapping("/api/admin/scans/tickets/{ticketId}/undo-check-in")
    UndoCheckIn.Undone undo(@PathVariable UUID ticketId, @Valid @RequestBody UndoRequest request,
                            Authentication supervisor) {
        return undo.undo(ticketId, supervisor.getName(), request.reason());
    }
}
