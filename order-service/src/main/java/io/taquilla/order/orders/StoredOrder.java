package io.taquilla.order.orders;

import io.taquilla.contracts.common.Customer;
import io.taquilla.contracts.common.Money;
import io.taquilla.contracts.ordering.OrderLine;
import io.taquilla.order.checkout.domain.PricedLine;
import io.taquilla.order.orders.domain.OrderStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order as stored in {@code orders}; {@code locale} is the buyer's language ({@code en} or {@code es}). */
public record StoredOrder(
        UUID id,
        String idempotencyKey,
        String requestHash,
        UUID catalogEventId,
        OrderStatus status,
        List<PricedLine> lines,
        long totalMinor,
        String currency,
        String customerEmail,
        String customerName,
        String customerPhone,
        Instant holdExpiresAt,
        String checkoutUrl,
        String paymentIntentId,
        Long paidMinor,
        String flaggedReason,
        String statusReason,
        Instant createdAt,
        Instant updatedAt,
        String locale) {

    public Customer customer() {
        return new Customer(customerEmail, customerName, customerPhone);
    }

    public Money total() {
        return new Money(totalMinor, currency);
    }

    public int quantity() {
        return lines.stream().mapToInt(PricedLine::quantity).sum();
    }

    public List<OrderLine> contractLines() {
        return lines.stream()
                .map(l -> new OrderLine(l.ticketTypeId(), l.code(), l.name(), l.quantity(), new Money(l.unitPriceMinor(), currency)))
                .toList();
    }
}
