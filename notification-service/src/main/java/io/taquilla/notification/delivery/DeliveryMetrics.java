package io.taquilla.notification.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.taquilla.notification.delivery.domain.Channel;
import io.taquilla.notification.delivery.domain.DeliveryKind;
import io.taquilla.notification.delivery.domain.DeliveryStatus;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code taquilla.notification.deliveries{kind,channel,status}} counts status changes (PENDING when
 * recorded, then SENT / RETRYING / FAILED / SKIPPED); {@code taquilla.notification.send.latency}
 * times provider calls; {@code taquilla.notification.retries} counts retries scheduled;
 * {@code taquilla.notification.delivery.latency} is recorded-to-sent; {@code taquilla.notification.due}
 * is the backlog of deliveries waiting to be sent.
 */
public class DeliveryMetrics {

    private final MeterRegistry meters;
    private final AtomicLong due = new AtomicLong();

    public DeliveryMetrics(MeterRegistry meters) {
        this.meters = meters;
        meters.gauge("taquilla.notification.due", due);
        // Zero-valued series from the start, so dashboards read 0 rather than "no data".
        for (DeliveryKind kind : DeliveryKind.values()) {
            for (Channel channel : Channel.values()) {
                retries(kind, channel);
            }
        }
    }

    private Counter retries(DeliveryKind kind,
                            Channel channel) {
        return Counter.builder("taquilla.notification.retries")
                .description("Failed sends that were scheduled for another attempt")
                .tag("kind", kind.name()).tag("channel", channel.name())
                .register(meters);
    }

    public void status(DeliveryKind kind, Channel channel, DeliveryStatus status) {
        Counter.builder("taquilla.notification.deliveries")
                .description("Delivery status changes by kind, channel and status")
                .tag("kind", kind.name()).tag("channel", channel.name()).tag("status", status.name())
                .register(meters).increment();
    }

    public void retry(DeliveryKind kind, Channel channel) {
        retries(kind, channel).increment();
    }

    public void sendLatency(Channel channel, boolean success, Duration took) {
        Timer.builder("taquilla.notification.send.latency")
                .description("Time the provider (SMTP server, Twilio) took to accept or refuse a message, rendering included")
                .tag("channel", channel.name()).tag("outcome", success ? "success" : "failure")
                .publishPercentileHistogram()
                .register(meters).record(took);
    }

    public void deliveryLatency(DeliveryKind kind, Channel channel, Duration took) {
        Timer.builder("taquilla.notification.delivery.latency")
                .description("Time from recording a delivery to the provider accepting it, retries included")
                .tag("kind", kind.name()).tag("channel", channel.name())
                .publishPercentileHistogram()
                .register(meters).record(took);
    }

    void due(long count) {
        due.set(count);
    }
}
