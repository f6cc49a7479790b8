package io.taquilla.payment.provider;

import java.time.Instant;

/** A checkout session as Stripe created it. */
public record OpenedCheckout(String sessionId, String url, Instant expiresAt) {
}
