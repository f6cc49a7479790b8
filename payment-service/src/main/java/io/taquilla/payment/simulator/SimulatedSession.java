package io.taquilla.payment.simulator;

import java.time.Instant;
import java.util.UUID;

/** The simulator's record of a checkout session, as Stripe would keep it. */
public record SimulatedSession(String id, UUID orderId, long amountMinor, String currency, String customerEmail,
                               String successUrl, String cancelUrl, String paymentIntentId, String status,
                               Instant expiresAt) {

    public boolean open(Instant now) {
        return "open".equals(status) && expiresAt.isAfter(now);
    }
}
