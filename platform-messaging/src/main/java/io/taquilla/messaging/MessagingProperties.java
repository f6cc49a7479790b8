package io.taquilla.messaging;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code taquilla.messaging}. Defaults are the production ones; tests shorten the
 * back-off so a poisoned record reaches the dead-letter topic in well under a second.
 */
@ConfigurationProperties("taquilla.messaging")
public record MessagingProperties(@DefaultValue Relay relay, @DefaultValue Consumer consumer, @DefaultValue Topics topics) {

    /**
     * @param pollInterval how long a relay sleeps when LISTEN/NOTIFY said nothing (a safety net)
     * @param retention how long published rows stay in the outbox for inspection before deletion
     * @param maxAttempts after how many refusals by Kafka (too large, invalid) a row is parked
     */
    public record Relay(@DefaultValue("true") boolean enabled,
                        @DefaultValue("500") int batchSize,
                        @DefaultValue("500ms") Duration pollInterval,
                        @DefaultValue("24h") Duration retention,
                        @DefaultValue("5") int maxAttempts) {}

    /**
     * Failed deliveries that can succeed are retried without limit, waiting {@code initialInterval}
     * × {@code multiplier}^n, at most {@code maxInterval} (keep it well under
     * {@code max.poll.interval.ms}), spread by ±{@code jitter}; records that never can are
     * dead-lettered at once (see {@code Failures}). {@code sessionTimeout}, {@code heartbeatInterval}
     * and {@code instanceId} decide how fast partitions move after a crash (see {@code ConsumerRecovery}).
     */
    public record Consumer(@DefaultValue("200ms") Duration initialInterval,
                           @DefaultValue("2.0") double multiplier,
                           @DefaultValue("30s") Duration maxInterval,
                           @DefaultValue("0.2") double jitter,
                           @DefaultValue("10s") Duration sessionTimeout,
                           @DefaultValue("3s") Duration heartbeatInterval,
                           String instanceId) {

        public io.taquilla.messaging.worker.Backoff backoff() {
            return new io.taquilla.messaging.worker.Backoff(initialInterval, maxInterval, multiplier, jitter);
        }
    }

    /**
     * Topics this service writes to and reads from; they (and the dead-letter topics of what it
     * reads) are created at start-up if missing.
     */
    public record Topics(@DefaultValue List<String> publishes,
                         @DefaultValue List<String> consumes,
                         @DefaultValue("3") int partitions,
                         @DefaultValue("1") short replicationFactor) {}
}
