package io.taquilla.order.inventory;

import io.taquilla.order.inventory.domain.EventAvailability;
import io.taquilla.order.inventory.domain.TypeAvailability;
import java.util.List;
import java.util.UUID;

/** The JSON of {@code GET /api/events/{id}/availability}, and of each event on its stream. */
public record AvailabilityView(UUID eventId, List<TypeView> ticketTypes, Summary summary) {

    public record TypeView(UUID ticketTypeId, String code, String name, int capacity, int sold, int held, int available,
                           boolean soldOut) {
        static TypeView of(TypeAvailability a) {
            return new TypeView(a.ticketTypeId(), a.code(), a.name(), a.capacity(), a.sold(), a.held(), a.available(),
                    a.soldOut());
        }
    }

    public record Summary(int totalCapacity, int totalSold, int totalHeld, int totalAvailable, boolean isSoldOut) {}

    public static AvailabilityView of(EventAvailability availability) {
        return new AvailabilityView(availability.eventId(),
                availability.ticketTypes().stream().map(TypeView::of).toList(),
                new Summary(availability.totalCapacity(), availability.totalSold(), availability.totalHeld(),
                        availability.totalAvailable(), availability.isSoldOut()));
    }
}
