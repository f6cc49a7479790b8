package io.taquilla.catalog.event.domain;

import java.time.Instant;
import java.util.Optional;

/** Which status changes an event allows. Refusals are outcomes (a sentence), not exceptions. */
public final class Lifecycle {

    private Lifecycle() {
    }

    /** Cancelled is final: nobody edits or re-publishes an event that will not take place. */
    public static Optional<String> whyNotEditable(EventStatus status) {
        return status == EventStatus.CANCELLED
                ? Optional.of("the event is cancelled and can no longer be changed")
                : Optional.empty();
    }

    /** A draft goes public only with something to sell and a show still ahead. */
    public static Optional<String> whyNotPublishable(EventStatus status, EventSpec spec, Instant now) {
        if (status == EventStatus.CANCELLED) {
            return Optional.of("the event is cancelled and cannot be published again");
        }
        if (spec.ticketTypes() == null || spec.ticketTypes().isEmpty()) {
            return Optional.of("the event has no ticket types to sell");
        }
        if (!spec.startsAt().isAfter(now)) {
            return Optional.of("the event started at " + spec.startsAt() + " and can no longer be published");
        }
        return Optional.empty();
    }
}
