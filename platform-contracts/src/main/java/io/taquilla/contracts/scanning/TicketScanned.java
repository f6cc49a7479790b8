package io.taquilla.contracts.scanning;

import java.time.Instant;
import java.util.UUID;

/**
 * One scan at a door, accepted or not; every scan is logged.
 *
 * @param ticketId  nullable: null when the QR signature is invalid and the ticket id cannot be trusted
 * @param verdict   {@code ACCEPTED} or {@code REJECTED}
 * @param reason    rejection reason code; nullable: null when accepted
 * @param scannedAt when the device scanned, which for offline scans is earlier than {@code occurredAt}
 * @param offline   true when the scan was made offline and uploaded later
 */
public record TicketScanned(
        UUID eventId,
        Instant occurredAt,
        UUID scanId,
        UUID ticketId,
        UUID catalogEventId,
        String gate,
        String deviceId,
        String verdict,
        String reason,
        Instant scannedAt,
        boolean offline) implements ScanEvent {
}
