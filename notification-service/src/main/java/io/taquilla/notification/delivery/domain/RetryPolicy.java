package io.taquilla.notification.delivery.domain;

import java.time.Duration;

/**
 * When to try a failed delivery again: exponential back-off from {@code initialBackoff}, doubled
 * per attempt up to {@code maxBackoff}, and give up after {@code maxAttempts} attempts.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoff must be positive and maxBackoff >= initialBackoff");
        }
    }

    /** After a failure of attempt number {@code attemptsMade} (1-based): retry, or give up. */
    public RetryDecision afterFailure(int attemptsMade, boolean permanent) {
        if (permanent || attemptsMade >= maxAttempts) {
            return RetryDecision.giveUp();
        }
        return RetryDecision.retryIn(backoff(attemptsMade));
    }

    /** {@code initialBackoff * 2^(attemptsMade-1)}, capped at {@code maxBackoff}. */
    public Duration backoff(int attemptsMade) {
        // Plain arithmetic rather than platform-messaging's Backoff: the domain stays free of infrastructure modules.
        int doublings = Math.max(0, Math.min(attemptsMade - 1, 30));
        long millis = initialBackoff.toMillis();
        for (int i = 0; i < doublings && millis < maxBackoff.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }

    /** Retry after {@code delay}, or give up ({@code delay} null). */
    public record RetryDecision(Duration delay) {
        static RetryDecision giveUp() {
            return new RetryDecision(null);
        }

        static RetryDecision retryIn(Duration delay) {
            return new RetryDecision(delay);
        }

        public boolean retry() {
            return delay != null;
        }
    }
}
