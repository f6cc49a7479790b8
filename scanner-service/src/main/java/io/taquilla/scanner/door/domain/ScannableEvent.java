package io.taquilla.scanner.door.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the door knows about a catalog event: when it opens, whether it is on, its ticket types,
 * and the organizer that owns it (null when catalog announced none).
 */
public record ScannableEvent(UUID catalogEventId, String name, Instant startsAt, Instant doorsOpenAt, String status,
                             int venueCapacity, long version, List<TicketTypeInfo> ticketTypes, UUID organizerId) {

    public record TicketTypeInfo(UUID ticketTypeId, String code, String name, int capacity) {}

    public boolean cancelled() {
        return "CANCELLED".equals(status);
    }

    /** QR tokens carry only the low 64 bits of the ticket type id; null when no type matches. */
    public UUID ticketTypeId(long low64) {
        for (TicketTypeInfo type : ticketTypes) {
            if (type.ticketTypeId().getLeastSignificantBits() == low64) {
                return type.ticketTypeId();
            }
        }
        return null;
    }

    public String ticketTypeName(UUID ticketTypeId) {
        for (TicketTypeInfo type : ticketTypes) {
            if (type.ticketTypeId().equals(ticketTypeId)) {
                return type.name();
            }
        }
        return null;
    }
}
