package io.taquilla.order.inventory;

import io.taquilla.web.ApiProblem;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/events/{eventId}/availability}: live counts per ticket type and in total. */
@RestController
class AvailabilityController {

    private final Jdbi jdbi;
    private final InventoryCounts counts;

    AvailabilityController(Jdbi jdbi, InventoryCounts counts) {
        this.jdbi = jdbi;
        this.counts = counts;
    }

    @GetMapping("/api/events/{eventId}/availability")
    AvailabilityView availability(@PathVariable UUID eventId) {
        return AvailabilityView.of(jdbi.withHandle(h -> counts.forEvent(h, eventId))
                .orElseThrow(() -> ApiProblem.notFound("Event", eventId)));
    }
}
