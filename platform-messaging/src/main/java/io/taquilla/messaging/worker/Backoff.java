package io.taquilla.messaging.worker;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * Exponential back-off with jitter, the one every retry loop here uses: {@code initial ×
 * multiplier^(attempt-1)}, capped at {@code max}, then spread by ±{@code jitter} (a fraction) so
 * that many instances failing together do not retry together. It never gives up by itself: a
 * caller that should stop after N attempts counts them.
 *
 * @param jitter 0 for none, 0.2 for ±20 %; the result never exceeds {@code max}
 */
public record Backoff(Duration initial, Duration max, double multiplier, double jitter) {

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("back-off needs 0 < initial <= max, got " + initial + " and " + max);
        }
        if (multiplier < 1.0 || jitter < 0.0 || jitter >= 1.0) {
            throw new IllegalArgumentException("back-off needs multiplier >= 1 and 0 <= jitter < 1");
        }
    }

    /** Doubling from {@code initial} up to {@code max}, ±20 % jitter. */
    public static Backoff doubling(Duration initial, Duration max) {
        return new Backoff(initial, max, 2.0, 0.2);
    }

    /** The same without jitter, for loops whose waits tests or callers rely on exactly. */
    public Backoff withoutJitter() {
        return new Backoff(initial, max, multiplier, 0.0);
    }

    /** The wait before retry number {@code attempt} (1 for the first retry). */
    public Duration delay(int attempt) {
        double millis = initial.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
        long capped = (long) Math.min(millis, max.toMillis());
        if (jitter == 0.0) {
            return Duration.ofMillis(capped);
        }
        double spread = 1.0 + ThreadLocalRandom.current().nextDouble(-jitter, jitter);
        return Duration.ofMillis(Math.min(max.toMillis(), Math.max(1, Math.round(capped * spread))));
    }

    /** As Spring's {@link BackOff}, which never returns {@code STOP}: retry until it succeeds. */
    public BackOff endless() {
        return () -> new BackOffExecution() {
            private int attempt;

            @Override
            public long nextBackOff() {
                return delay(++attempt).toMillis();
            }
        };
    }
}
