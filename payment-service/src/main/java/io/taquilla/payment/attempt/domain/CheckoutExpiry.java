package io.taquilla.payment.attempt.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When a checkout session should expire. Stripe accepts {@code expires_at} only between 30 minutes
 * and 24 hours after creation, while holds are usually shorter. So the session lives at least
 * {@code minimumLifetime} (above 30 minutes, leaving room for retries of the creation call under
 * the same idempotency key) and is expired through the API as soon as the hold is released
 * ({@code OrderExpired}); a longer hold is followed exactly, up to Stripe's 24 hours.
 */
public final class CheckoutExpiry {

    public static final Duration STRIPE_MINIMUM = Duration.ofMinutes(30);
    public static final Duration STRIPE_MAXIMUM = Duration.ofHours(24);

    private CheckoutExpiry() {
    }

    public static Instant sessionExpiresAt(Instant now, Instant holdExpiresAt, Duration minimumLifetime) {
        Duration minimum = minimumLifetime.compareTo(STRIPE_MINIMUM) < 0 ? STRIPE_MINIMUM : minimumLifetime;
        Instant earliest = now.plus(minimum);
        Instant latest = now.plus(STRIPE_MAXIMUM).minusSeconds(60);
        Instant wanted = holdExpiresAt == null || holdExpiresAt.isBefore(earliest) ? earliest : holdExpiresAt;
        Instant clamped = wanted.isAfter(latest) ? latest : wanted;
        return Instant.ofEpochSecond(clamped.getEpochSecond());
    }
}
