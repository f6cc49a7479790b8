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
     */
    public record Relay(@DefaultValue("true") boolean enabled,
                        @DefaultValue("500") int batchSize,
                        @DefaultValue("500ms") Duration pollInterval,
                        @DefaultValue("24h") Duration retention) {}

    /** Retry with exponential back-off, then dead-letter to {@code <topic>.dlt}. */
    public record Consumer(@DefaultValue("5") int maxAttempts,
                           @DefaultValue("200ms") Duration initialInterval,
                           @DefaultValue("2.0") double multiplier,
                           @DefaultValue("10s") Duration maxInterval) {}

    /**
     * Topics this service writes to and reads from; they (and the dead-letter topics of what it
     * reads) are created at start-up if missing.
     */
    public record Topics(@DefaultValue List<String> publishes,
                         @DefaultValue List<String> consumes,
                         @DefaultValue("3") int partitions,
                         @DefaultValue("1") short replicationFactor) {}
}
