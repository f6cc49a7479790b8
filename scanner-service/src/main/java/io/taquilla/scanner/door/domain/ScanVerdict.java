package io.taquilla.scanner.door.domain;

import java.util.UUID;

/**
 * The door's answer to one scan. Accepted scans carry what the screen shows (ticket type, holder);
 * {@code ALREADY_USED} carries the first check-in. A rejection is an outcome, not an error.
 */
public record ScanVerdict(boolean accepted, RejectionReason reason, UUID ticketId, TicketFacts ticket,
                          CheckIn firstCheckIn) {

    /** What the scanner knows about the ticket; any field may be null for a ticket it has not cached yet. */
    public record TicketFacts(UUID ticketTypeId, String ticketTypeName, String ticketNumber, String holderName,
                              boolean knownBeforeScan) {}

    public static ScanVerdict accepted(UUID ticketId, TicketFacts ticket) {
        return new ScanVerdict(true, null, ticketId, ticket, null);
    }

    public static ScanVerdict rejected(RejectionReason reason, UUID ticketId) {
        return new ScanVerdict(false, reason, ticketId, null, null);
    }

    public static ScanVerdict alreadyUsed(UUID ticketId, TicketFacts ticket, CheckIn first) {
        return new ScanVerdict(false, RejectionReason.ALREADY_USED, ticketId, ticket, first);
    }

    public String verdict() {
        return accepted ? "ACCEPTED" : "REJECTED";
    }

    public String reasonCode() {
        return reason == null ? null : reason.name();
    }
}
