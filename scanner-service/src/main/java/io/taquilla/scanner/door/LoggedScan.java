package io.taquilla.scanner.door;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of the scan log, and the {@code TicketScanned} event that goes with it.
 *
 * @param deviceId the door device, from the token's {@code device_id}
 * @param staff who scanned: the token's subject
 */
public record LoggedScan(UUID scanId, UUID catalogEventId, UUID ticketId, String gate, String deviceId, String verdict,
                         String reason, Instant scannedAt, boolean offline, String nonce, boolean conflict,
                         String staff) {
}
