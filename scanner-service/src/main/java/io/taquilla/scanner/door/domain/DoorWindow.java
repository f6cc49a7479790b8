package io.taquilla.scanner.door.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When the door admits people for an event: from {@code doorsOpenAt} (or {@code startsAt} when no
 * doors time is set) minus a margin for early queues, until {@code startsAt} plus a closing
 * allowance that covers long nights. A cancelled event never opens. An event the scanner has not
 * heard of yet counts as open: a valid signature already proves the ticket was issued.
 */
public record DoorWindow(Duration openEarly, Duration closeAfterStart) {

    public boolean isOpen(ScannableEvent event, Instant at) {
        if (event == null) {
            return true;
        }
        if (event.cancelled()) {
            return false;
        }
        return !at.isBefore(opensAt(event)) && !at.isAfter(closesAt(event));
    }

    public Instant opensAt(ScannableEvent event) {
        Instant doors = event.doorsOpenAt() != null ? event.doorsOpenAt() : event.startsAt();
        return doors.minus(openEarly);
    }

    public Instant closesAt(ScannableEvent event) {
        return event.startsAt().plus(closeAfterStart);
    }
}
