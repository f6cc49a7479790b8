package io.taquilla.contracts.ordering;

import io.taquilla.contracts.common.Customer;
import io.taquilla.contracts.common.Money;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Paid (or free) and sold: ticketing issues the tickets. Carries the event details ticketing and
 * notifications print, so neither has to look them up.
 *
 * @param paymentIntentId Stripe payment intent; nullable: free orders skip payment
 */
public record OrderConfirmed(
        UUID eventId,
        Instant occurredAt,
        UUID orderId,
        UUID catalogEventId,
        String eventName,
        String venueName,
        Instant eventStartsAt,
        List<OrderLine> lines,
        Money total,
        Customer customer,
        String paymentIntentId) implements OrderEvent {
}
