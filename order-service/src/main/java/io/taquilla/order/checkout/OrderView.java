package io.taquilla.order.checkout;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.taquilla.order.orders.StoredOrder;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the buyer sees of an order; {@code accessToken} only in the response that created it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record OrderView(UUID orderId, UUID eventId, String status, List<Line> lines, long totalMinor, String currency,
                 Instant holdExpiresAt, String checkoutUrl, String ticketsUrl, Instant createdAt, String accessToken) {

    record Line(UUID ticketTypeId, String code, String name, int quantity, long unitPriceMinor, long totalMinor) {}

    static OrderView of(StoredOrder order, String ticketsUrl, String accessToken) {
        boolean awaiting = order.status() == io.taquilla.order.orders.domain.OrderStatus.AWAITING_PAYMENT;
        return new OrderView(order.id(), order.catalogEventId(), order.status().name(),
                order.lines().stream().map(l -> new Line(l.ticketTypeId(), l.code(), l.name(), l.quantity(),
                        l.unitPriceMinor(), l.totalMinor())).toList(),
                order.totalMinor(), order.currency(),
                order.holdExpiresAt(),
                awaiting ? order.checkoutUrl() : null,
                ticketsUrl, order.createdAt(), accessToken);
    }
}
