package io.taquilla.scanner.door.domain;

import java.time.Instant;
import java.util.UUID;

/** The scan that let a ticket in: shown to door staff when the same ticket comes back. */
public record CheckIn(UUID scanId, Instant scannedAt, String gate, String deviceId, boolean offline) {
}
