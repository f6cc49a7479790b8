package io.taquilla.payment.provider;

import io.taquilla.contracts.common.Money;
import io.taquilla.contracts.ordering.OrderLine;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Everything a checkout session is created from; identical on every retry of one order. */
public record CheckoutRequest(UUID orderId, UUID catalogEventId, List<OrderLine> lines, Money total,
                              String customerEmail, Instant expiresAt, String successUrl, String cancelUrl,
                              String idempotencyKey) {
}
