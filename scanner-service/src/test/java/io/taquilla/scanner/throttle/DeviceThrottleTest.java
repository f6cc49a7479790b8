package io.taquilla.scanner.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.taquilla.web.ApiProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DeviceThrottleTest {

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-01-15T21:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final HandClock clock = new HandClock();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final DeviceThrottle throttle = new DeviceThrottle(10, 30, 6, 10, meters, clock);

    @Test
    void letsABurstThroughThenRefusesUntilTheBucketRefills() {
        for (int i = 0; i < 30; i++) {
            throttle.admit("handheld-1");
        }
        assertThatThrownBy(() -> throttle.admit("handheld-1")).isInstanceOfSatisfying(ApiProblem.class, p -> {
            assertThat(p.status().value()).isEqualTo(429);
            assertThat(p.type()).isEqualTo("scan-rate-limited");
        });
        throttle.admit("handheld-2");
        clock.now = clock.now.plus(Duration.ofMillis(100));
        throttle.admit("handheld-1");
        assertThat(meters.counter("taquilla.scanner.throttled", "cause", "scan-rate").count()).isEqualTo(1);
    }

    @Test
    void pausesADeviceAfterABurstOfInvalidSignatures() {
        for (int i = 0; i < 10; i++) {
            throttle.admit("handheld-3");
            throttle.invalidSignature("handheld-3");
        }
        assertThatThrownBy(() -> throttle.admit("handheld-3")).isInstanceOfSatisfying(ApiProblem.class,
                p -> assertThat(p.type()).isEqualTo("invalid-signature-burst"));
        clock.now = clock.now.plus(Duration.ofSeconds(10));
        throttle.admit("handheld-3");
        assertThat(meters.counter("taquilla.scanner.throttled", "cause", "invalid-signatures").count()).isEqualTo(1);
    }
}
