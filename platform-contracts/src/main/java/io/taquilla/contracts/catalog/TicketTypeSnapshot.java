package io.taquilla.contracts.catalog;

import io.taquilla.contracts.common.Money;

import java.util.UUID;

/**
 * A ticket type as sold at this snapshot.
 *
 * @param code     short stable code (e.g. {@code GA}, {@code VIP}) used in ticket numbers
 * @param capacity tickets of this type that may be sold in total
 */
public record TicketTypeSnapshot(UUID ticketTypeId, String code, String name, Money price, int capacity, int maxPerOrder) {
}
