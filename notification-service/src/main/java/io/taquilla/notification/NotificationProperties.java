package io.taquilla.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code taquilla.notification}; the defaults are the production ones.
 *
 * @param publicBaseUrl the gateway origin buyers' links point at ({@code PUBLIC_BASE_URL})
 * @param mailFrom      the From address ({@code MAIL_FROM})
 */
@ConfigurationProperties("taquilla.notification")
public record NotificationProperties(
        @DefaultValue("http://localhost:8080") String publicBaseUrl,
        @DefaultValue("Taquilla <tickets@taquilla.local>") String mailFrom,
        @DefaultValue Dispatcher dispatcher,
        @DefaultValue Retry retry,
        @DefaultValue Twilio twilio) {

    /**
     * @param workers      threads sending in parallel (per instance)
     * @param batchSize    deliveries a worker claims at once
     * @param pollInterval how often an idle worker looks for due deliveries (new ones wake it at once)
     * @param lease        how long a SENDING claim lasts; a crashed sender's deliveries are taken over after it
     */
    public record Dispatcher(@DefaultValue("true") boolean enabled,
                             @DefaultValue("4") int workers,
                             @DefaultValue("5") int batchSize,
                             @DefaultValue("250ms") Duration pollInterval,
                             @DefaultValue("2m") Duration lease) {}

    public record Retry(@DefaultValue("10") int maxAttempts,
                        @DefaultValue("2s") Duration initialBackoff,
                        @DefaultValue("5m") Duration maxBackoff) {}

    /** All three of sid, token and from set → SMS through Twilio; otherwise SMS deliveries are SKIPPED. */
    public record Twilio(@DefaultValue("") String accountSid,
                         @DefaultValue("") String authToken,
                         @DefaultValue("") String from,
                         @DefaultValue("https://api.twilio.com") String apiBase) {

        public boolean configured() {
            return !accountSid.isBlank() && !authToken.isBlank() && !from.isBlank();
        }
    }
}
