package io.taquilla.order.cancellation;

import io.taquilla.web.ApiProblem;
import io.taquilla.web.security.StaffCaller;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin API: how far the cancellation of an event has got, for staff of the organizer that owns
 * the event (another organizer's event reads as not cancelled, 404).
 */
@RestController
class AdminEventCancellationController {

    private final Jdbi jdbi;
    private final CancellationProgress progress;

    AdminEventCancellationController(Jdbi jdbi, CancellationProgress progress) {
        this.jdbi = jdbi;
        this.progress = progress;
    }

    @GetMapping("/api/admin/events/{eventId}/cancellation")
    CancellationProgress.Report get(@PathVariable UUID eventId, StaffCaller caller) {
        ApiProblem notCancelled = new ApiProblem(HttpStatus.NOT_FOUND,
                "event-not-cancelled", "Event not cancelled", "Event " + eventId + " has not been cancelled");
        return jdbi.withHandle(h -> {
            UUID organizer = h.createQuery("select organizer_id from catalog_event where id = :id")
                    .bind("id", eventId).mapTo(UUID.class).findOne().orElse(null);
            if (!caller.canSee(organizer)) {
                throw notCancelled;
            }
            return progress.report(h, eventId);
        }).orElseThrow(() -> notCancelled);
    }
}
