package io.taquilla.order.inventory.domain;

import java.util.UUID;

/**
 * Live counts of one ticket type. {@code capacity = available + held + sold} by construction:
 * every count is a number of inventory units in one state.
 */
public record TypeAvailability(UUID ticketTypeId, String code, String name, int capacity, int held, int sold,
                               int available) {

    public boolean soldOut() {
        return available == 0;
    }
}
