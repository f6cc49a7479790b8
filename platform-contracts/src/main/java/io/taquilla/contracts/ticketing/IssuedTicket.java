package io.taquilla.contracts.ticketing;

import io.taquilla.contracts.common.Money;

import java.util.UUID;

/**
 * One ticket as printed and scanned.
 *
 * @param ticketNumber human-readable, unguessable, e.g. {@code TQ-PF-20260115-7KX9M2QD}
 * @param qrToken      the signed token encoded in the QR code; scanners verify it offline
 * @param holderEmail  where the holder's ticket goes; added, so null in messages from earlier producers
 */
public record IssuedTicket(
        UUID ticketId,
        String ticketNumber,
        UUID ticketTypeId,
        String ticketTypeName,
        String holderName,
        Money price,
        String qrToken,
        String holderEmail) {

    /** The shape before {@code holderEmail} was added. */
    public IssuedTicket(UUID ticketId, String ticketNumber, UUID ticketTypeId, String ticketTypeName, String holderName,
                        Money price, String qrToken) {
        this(ticketId, ticketNumber, ticketTypeId, ticketTypeName, holderName, price, qrToken, null);
    }
}
