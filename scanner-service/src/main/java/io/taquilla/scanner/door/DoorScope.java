package io.taquilla.scanner.door;

import io.taquilla.scanner.door.domain.ScannableEvent;
import io.taquilla.web.security.StaffCaller;
import java.util.UUID;

/**
 * Where a token may work the door: events of its own organizer, and only the listed ones when
 * the door token names {@code events}. An event the scanner has not heard of yet is judged by the
 * list alone (it will be refused as not open anyway).
 */
public final class DoorScope {

    private DoorScope() {
    }

    public static boolean admitsAt(StaffCaller door, UUID eventId, ScannableEvent event) {
        if (event == null) {
            return door.platformAdmin() || door.events() == null || door.events().contains(eventId);
        }
        return door.canWorkDoor(event.organizerId(), eventId);
    }
}
