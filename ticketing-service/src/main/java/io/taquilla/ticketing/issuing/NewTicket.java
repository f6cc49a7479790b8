package io.taquilla.ticketing.issuing;

import java.time.Instant;
import java.util.UUID;

/** A {@code tickets} row as issued. */
public record NewTicket(UUID ticketId, UUID orderId, int lineIndex, int unitIndex, String ticketNumber,
                        UUID catalogEventId, UUID ticketTypeId, String ticketTypeCode, String ticketTypeName,
                        String holderName, String holderEmail, long priceMinor, String currency, String qrToken,
                        String keyId, Instant issuedAt) {
}
