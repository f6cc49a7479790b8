package io.taquilla.catalog.browse;

import io.taquilla.catalog.inventory.TicketTypeCounts;
import java.time.Instant;
import java.util.Collection;

/**
 * Tickets left of one type, from the latest inventory counts order-service published (eventually
 * consistent; order-service's own availability endpoint is live). Until counts arrive, everything
 * is available. Capacity is the catalog's current one, so a capacity change shows at once.
 */
record Availability(int capacity, int sold, int held, int available, boolean soldOut, Instant asOf) {

    static Availability of(int capacity, TicketTypeCounts counts) {
        int sold = counts == null ? 0 : counts.sold();
        int held = counts == null ? 0 : counts.held();
        int available = Math.max(0, capacity - sold - held);
        return new Availability(capacity, sold, held, available, available == 0, counts == null ? null : counts.observedAt());
    }

    /** The event as a whole: sold out when no type has anything left. */
    record Summary(int totalCapacity, int totalSold, int totalAvailable, boolean isSoldOut, Instant asOf) {

        static Summary of(Collection<Availability> types) {
            int capacity = 0;
            int sold = 0;
            int available = 0;
            Instant asOf = null;
            for (Availability type : types) {
                capacity += type.capacity();
                sold += type.sold();
                available += type.available();
                if (type.asOf() != null && (asOf == null || type.asOf().isAfter(asOf))) {
                    asOf = type.asOf();
                }
            }
            return new Summary(capacity, sold, available, available == 0, asOf);
        }
    }
}
