package io.taquilla.contracts.ordering;

import io.taquilla.contracts.common.Money;

import java.util.UUID;

/**
 * One ticket type in an order, with names and price frozen at order time so later catalog edits do
 * not change what the buyer agreed to.
 */
public record OrderLine(UUID ticketTypeId, String ticketTypeCode, String ticketTypeName, int quantity, Money unitPrice) {
}
