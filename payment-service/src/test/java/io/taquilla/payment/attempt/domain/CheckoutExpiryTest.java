package io.taquilla.payment.attempt.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CheckoutExpiryTest {

    static final Instant NOW = Instant.parse("2026-11-23T20:00:00Z");

    @Test
    void aShortHoldGetsStripesMinimumPlusRoomForRetries() {
        Instant hold = NOW.plus(Duration.ofMinutes(15));
        assertThat(CheckoutExpiry.sessionExpiresAt(NOW, hold, Duration.ofMinutes(45))).isEqualTo(NOW.plus(Duration.ofMinutes(45)));
    }

    @Test
    void neverBelowStripesThirtyMinutesWhateverIsConfigured() {
        assertThat(CheckoutExpiry.sessionExpiresAt(NOW, NOW.plusSeconds(60), Duration.ofMinutes(5)))
                .isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(CheckoutExpiry.sessionExpiresAt(NOW, null, Duration.ofMinutes(5))).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
    }

    @Test
    void aLongHoldIsFollowedExactlyUpToStripesDay() {
        Instant hold = NOW.plus(Duration.ofHours(2)).plusMillis(700);
        assertThat(CheckoutExpiry.sessionExpiresAt(NOW, hold, Duration.ofMinutes(45))).isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(CheckoutExpiry.sessionExpiresAt(NOW, NOW.plus(Duration.ofDays(3)), Duration.ofMinutes(45)))
                .isEqualTo(NOW.plus(Duration.ofHours(24)).minusSeconds(60));
    }
}
