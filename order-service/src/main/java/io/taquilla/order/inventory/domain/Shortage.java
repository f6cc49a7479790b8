package io.taquilla.order.inventory.domain;

import java.util.UUID;

/** A line that could not be held: asked for {@code requested}, only {@code available} were free. */
public record Shortage(UUID ticketTypeId, String code, int requested, int available) {
}
