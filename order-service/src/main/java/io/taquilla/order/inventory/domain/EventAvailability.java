package io.taquilla.order.inventory.domain;

import java.util.List;
import java.util.UUID;

/** Per ticket type counts of one event and their totals. */
public record EventAvailability(UUID eventId, List<TypeAvailability> ticketTypes) {

    public int totalCapacity() {
        return ticketTypes.stream().mapToInt(TypeAvailability::capacity).sum();
    }

    public int totalSold() {
        return ticketTypes.stream().mapToInt(TypeAvailability::sold).sum();
    }

    public int totalHeld() {
        return ticketTypes.stream().mapToInt(TypeAvailability::held).sum();
    }

    public int totalAvailable() {
        return ticketTypes.stream().mapToInt(TypeAvailability::available).sum();
    }

    public boolean isSoldOut() {
        return totalAvailable() == 0;
    }
}
