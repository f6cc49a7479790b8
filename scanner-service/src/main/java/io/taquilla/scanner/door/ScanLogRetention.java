package io.taquilla.scanner.door;

import io.taquilla.messaging.retention.RetentionRule;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Scan log lines are kept {@code taquilla.scanner.retention.scan-log} (default 400 days) after
 * they were recorded, then deleted by the messaging module's retention job: a season of events
 * plus the time to answer a "never attended" chargeback or an audit, and no longer, since a line
 * ties a device and a gate to a person's ticket. Offline re-uploads are idempotent on
 * {@code (device_id, nonce)} only while the line exists, far longer than a device stays offline.
 */
@Configuration(proxyBeanMethods = false)
class ScanLogRetention {

    @Bean
    RetentionRule scanLogRetentionRule(@Value("${taquilla.scanner.retention.scan-log:400d}") Duration keep) {
        return new RetentionRule("scan-log", "scan_log", "recorded_at", keep, null);
    }
}
