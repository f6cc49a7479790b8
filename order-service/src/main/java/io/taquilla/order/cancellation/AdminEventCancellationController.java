package io.taquilla.order.cancellation;

import io.taquilla.web.ApiProblem;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Admin API (role {@code admin}): how far the cancellation of an event has got. */
@RestController
class AdminEventCancellationController {

    private final Jdbi jdbi;
    private final CancellationProgress progress;

    AdminEventCancellationController(Jdbi jdbi, CancellationProgress progress) {
        this.jdbi = jdbi;
        this.progress = progress;
    }

    @GetMapping("/api/admin/events/{eventId}/cancellation")
    CancellationProgress.Report get(@PathVariable UUID eventId) {
        return jdbi.withHandle(h -> progress.report(h, eventId)).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND,
                "event-not-cancelled", "Event not cancelled", "Event " + eventId + " has not been cancelled"));
    }
}
