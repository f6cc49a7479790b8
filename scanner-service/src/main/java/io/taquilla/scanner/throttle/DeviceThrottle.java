package io.taquilla.scanner.throttle;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.taquilla.web.ApiProblem;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Per-device token buckets. Every scan takes a token from the device's scan bucket (a person
 * scans a few codes a second at most); every invalid signature also takes one from a much
 * smaller bucket, and a device that has emptied it — someone feeding forged or random codes —
 * is refused until it refills. Refusals are 429 problems and are counted.
 */
@Component
public class DeviceThrottle {

    private static final int MAX_DEVICES = 50_000;

    private record Buckets(Bucket scans, Bucket invalidSignatures) {}

    private final Map<String, Buckets> devices = new ConcurrentHashMap<>();
    private final long scansPerSecond;
    private final long scanBurst;
    private final long invalidPerMinute;
    private final long invalidBurst;
    private final Counter throttledScans;
    private final Counter throttledForgeries;
    private final TimeMeter time;

    public DeviceThrottle(@Value("${taquilla.scanner.rate-limit.scans-per-second}") long scansPerSecond,
                          @Value("${taquilla.scanner.rate-limit.scan-burst}") long scanBurst,
                          @Value("${taquilla.scanner.rate-limit.invalid-signatures-per-minute}") long invalidPerMinute,
                          @Value("${taquilla.scanner.rate-limit.invalid-signature-burst}") long invalidBurst,
                          MeterRegistry meters, Clock clock) {
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000L;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        this.scansPerSecond = scansPerSecond;
        this.scanBurst = scanBurst;
        this.invalidPerMinute = invalidPerMinute;
        this.invalidBurst = invalidBurst;
        this.throttledScans = throttled(meters, "scan-rate");
        this.throttledForgeries = throttled(meters, "invalid-signatures");
    }

    /** Throws a 429 problem if {@code deviceId} may not scan now. */
    public void admit(String deviceId) {
        Buckets buckets = buckets(deviceId);
        if (buckets.invalidSignatures().getAvailableTokens() <= 0) {
            throttledForgeries.increment();
            throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "invalid-signature-burst", "Too many invalid codes",
                    "Device " + deviceId + " scanned too many codes with invalid signatures; it is paused for a while")
                    .with("deviceId", deviceId);
        }
        if (!buckets.scans().tryConsume(1)) {
            throttledScans.increment();
            throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "scan-rate-limited", "Too many scans",
                    "Device " + deviceId + " is scanning faster than " + scansPerSecond + " codes per second")
                    .with("deviceId", deviceId);
        }
    }

    /** Records an invalid signature from {@code deviceId}. */
    public void invalidSignature(String deviceId) {
        buckets(deviceId).invalidSignatures().tryConsume(1);
    }

    private Buckets buckets(String deviceId) {
        Buckets buckets = devices.get(deviceId);
        if (buckets != null) {
            return buckets;
        }
        if (devices.size() >= MAX_DEVICES) {
            // Device ids come from clients; never let them grow memory without bound.
            devices.clear();
        }
        return devices.computeIfAbsent(deviceId, id -> new Buckets(
                Bucket.builder().withCustomTimePrecision(time)
                        .addLimit(l -> l.capacity(scanBurst).refillGreedy(scansPerSecond, Duration.ofSeconds(1))).build(),
                Bucket.builder().withCustomTimePrecision(time)
                        .addLimit(l -> l.capacity(invalidBurst).refillGreedy(invalidPerMinute, Duration.ofMinutes(1))).build()));
    }

    private static Counter throttled(MeterRegistry meters, String cause) {
        return Counter.builder("taquilla.scanner.throttled")
                .description("Scans refused with 429 because a device exceeded its rate or sent a burst of invalid codes")
                .tag("cause", cause).register(meters);
    }
}
