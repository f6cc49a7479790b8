package io.taquilla.catalog.event.domain;

import java.time.Instant;
import java.util.Optional;

/** Which status changes an event allows. Refusals are outcomes with a reason, not exceptions. */
public final class Lifecycle {

    /** Why a change was refused: {@code kind} is stable (it becomes the problem type), {@code reason} is for people. */
    public record Refusal(Kind kind, String reason) {}

    public enum Kind {
        CANCELLED,
        NOTHING_TO_SELL,
        ALREADY_STARTED
    }

    private Lifecycle() {
    }

    /** Cancelled is final: nobody edits or re-publishes an event that will not take place. */
    public static Optional<Refusal> whyNotEditable(EventStatus status) {
        return status == EventStatus.CANCELLED
                ? Optional.of(new Refusal(Kind.CANCELLED, "the event is cancelled and can no longer be changed"))
                : Optional.empty();
    }

    /** A draft goes public only with something to sell and a show still ahead. */
    public static Optional<Refusal> whyNotPublishable(EventStatus status, EventSpec spec, Instant now) {
        if (status == EventStatus.CANCELLED) {
            return Optional.of(new Refusal(Kind.CANCELLED, "the event is cancelled and cannot be published again"));
        }
        if (spec.ticketTypes() == null || spec.ticketTypes().isEmpty()) {
            return Optional.of(new Refusal(Kind.NOTHING_TO_SELL, "the event has no ticket types to sell"));
        }
        if (!spec.startsAt().isAfter(now)) {
            return Optional.of(new Refusal(Kind.ALREADY_STARTED,
                    "the event started at " + spec.startsAt() + " and can no longer be published"));
        }
        return Optional.empty();
    }
}
