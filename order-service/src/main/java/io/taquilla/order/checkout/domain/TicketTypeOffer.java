package io.taquilla.order.checkout.domain;

import java.util.UUID;

/** A ticket type as ordering sells it now (copied from the latest catalog snapshot). */
public record TicketTypeOffer(UUID ticketTypeId, String code, String name, long priceMinor, String currency,
                              int maxPerOrder, boolean active) {
}
