package io.taquilla.order.inventory;

import io.taquilla.order.inventory.domain.EventAvailability;
import io.taquilla.order.inventory.domain.TypeAvailability;
import io.taquilla.web.ApiProblem;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/events/{eventId}/availability}: live counts per ticket type and in total. */
@RestController
class AvailabilityController {

    record TypeView(UUID ticketTypeId, String code, String name, int capacity, int sold, int held, int available,
                    boolean soldOut) {
        static TypeView of(TypeAvailability a) {
            return new TypeView(a.ticketTypeId(), a.code(), a.name(), a.capacity(), a.sold(), a.held(), a.available(),
                    a.soldOut());
        }
    }

    record Summary(int totalCapacity, int totalSold, int totalHeld, int totalAvailable, boolean isSoldOut) {}

    record AvailabilityView(UUID eventId, List<TypeView> ticketTypes, Summary summary) {}

    private final Jdbi jdbi;
    private final InventoryCounts counts;

    AvailabilityController(Jdbi jdbi, InventoryCounts counts) {
        this.jdbi = jdbi;
        this.counts = counts;
    }

    @GetMapping("/api/events/{eventId}/availability")
    AvailabilityView availability(@PathVariable UUID eventId) {
        EventAvailability availability = jdbi.withHandle(h -> counts.forEvent(h, eventId))
                .orElseThrow(() -> ApiProblem.notFound("Event", eventId));
        return new AvailabilityView(eventId,
                availability.ticketTypes().stream().map(TypeView::of).toList(),
                new Summary(availability.totalCapacity(), availability.totalSold(), availability.totalHeld(),
                        availability.totalAvailable(), availability.isSoldOut()));
    }
}
