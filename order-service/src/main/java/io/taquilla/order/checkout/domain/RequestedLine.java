package io.taquilla.order.checkout.domain;

import java.util.UUID;

/** What the buyer asked for: a quantity of one ticket type. */
public record RequestedLine(UUID ticketTypeId, int quantity) {
}
