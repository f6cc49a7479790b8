package io.taquilla.scanner.door;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.taquilla.scanner.door.domain.ScanVerdict;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Scans by verdict and reason, scan latency, admissions per event, offline conflicts. */
@Component
public class ScanMetrics {

    private final MeterRegistry meters;
    private final Timer latency;
    private final Counter offlineConflicts;

    public ScanMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.latency = Timer.builder("taquilla.scanner.scan.latency")
                .description("Time to decide an online scan, signature check to committed check-in")
                .publishPercentileHistogram().register(meters);
        this.offlineConflicts = Counter.builder("taquilla.scanner.offline.conflicts")
                .description("Offline scans of tickets that another scan also admitted").register(meters);
    }

    public void scanned(ScanVerdict verdict, boolean offline, long nanos, UUID catalogEventId) {
        Counter.builder("taquilla.scanner.scans")
                .description("Scans by verdict and rejection reason")
                .tag("verdict", verdict.verdict())
                .tag("reason", verdict.reason() == null ? "none" : verdict.reason().name())
                .tag("mode", offline ? "offline" : "online")
                .register(meters).increment();
        if (verdict.accepted()) {
            Counter.builder("taquilla.scanner.admitted").description("Tickets admitted, per event")
                    .tag("event", catalogEventId.toString()).register(meters).increment();
        }
        if (!offline) {
            latency.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    public void offlineConflict() {
        offlineConflicts.increment();
    }
}
