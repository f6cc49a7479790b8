package io.taquilla.payment.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.taquilla.messaging.worker.Backoff;
import io.taquilla.messaging.worker.Worker;
import io.taquilla.payment.config.PaymentProperties;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Applies stored webhooks, oldest first, one per transaction ({@code FOR UPDATE SKIP LOCKED}, so
 * several threads and instances share the work). Woken by the endpoint right after it stored an
 * event, and polling as a safety net, which also picks up what a crashed instance left behind.
 * A failing event is retried with back-off and does not hold up the others.
 */
@Component
public class WebhookProcessor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookProcessor.class);

    private final Jdbi jdbi;
    private final StripeEvents events;
    private final ApplyStripeSignal apply;
    private final WebhookMetrics metrics;
    private final PaymentProperties.Worker settings;
    private final Worker worker;
    private final Worker latency;

    public WebhookProcessor(Jdbi jdbi, StripeEvents events, ApplyStripeSignal apply, WebhookMetrics metrics,
                            PaymentProperties properties, MeterRegistry meters) {
        this.jdbi = jdbi;
        this.events = events;
        this.apply = apply;
        this.metrics = metrics;
        this.settings = properties.worker();
        Backoff onFailure = new Backoff(settings.pollInterval(), settings.pollInterval(), 1.0, 0.2);
        this.worker = new Worker("stripe-webhooks", Math.max(1, settings.webhookThreads()), settings.pollInterval(),
                onFailure, meters, index -> processOnce());
        // Webhook-to-Kafka latency is measured apart, every 100 ms at most.
        Duration measureEvery = Duration.ofMillis(Math.min(100, settings.pollInterval().toMillis()));
        this.latency = new Worker("stripe-webhook-latency", 1, measureEvery, onFailure, meters, index -> {
            measurePublished();
            return false;
        });
    }

    public void wakeUp() {
        worker.wakeUp();
    }

    /** Applies the oldest due webhook; false when there was none. */
    public boolean processOnce() {
        AtomicReference<StripeEvents.Pending> claimed = new AtomicReference<>();
        try {
            ApplyStripeSignal.Result result = jdbi.inTransaction(handle -> {
                StripeEvents.Pending pending = events.claim(handle).orElse(null);
                if (pending == null) {
                    return null;
                }
                claimed.set(pending);
                ApplyStripeSignal.Result applied = apply.apply(handle, pending.type(), pending.payload());
                events.processed(handle, pending.id(), applied.orderId(), applied.outcome(), applied.detail(),
                        applied.publishedEventId());
                return applied;
            });
            if (result == null) {
                return false;
            }
            metrics.processed(claimed.get().type(), result.outcome());
            log.info("stripe event {} ({}) for order {}: {} {}", claimed.get().id(), claimed.get().type(),
                    result.orderId(), result.outcome(), result.detail());
            return true;
        } catch (RuntimeException e) {
            StripeEvents.Pending pending = claimed.get();
            if (pending == null) {
                throw e;
            }
            Duration delay = backoff(pending.attempts() + 1);
            log.warn("stripe event {} ({}) failed, retrying in {} ms: {}", pending.id(), pending.type(), delay.toMillis(),
                    e.toString());
            metrics.processed(pending.type(), "error");
            events.retryLater(pending.id(), delay, e.toString());
            return true;
        }
    }

    /** Records webhook-to-Kafka latency for webhooks whose event the relay has published. */
    public void measurePublished() {
        for (StripeEvents.Published row : events.takeNewlyPublished()) {
            metrics.toPublished(Duration.between(row.receivedAt(), row.publishedAt()));
        }
    }

    private Duration backoff(int attempts) {
        return new Backoff(settings.initialBackoff(), settings.maxBackoff(), 2.0, 0.0).delay(attempts);
    }

    @Override
    public void start() {
        worker.start();
        latency.start();
    }

    @Override
    public void stop() {
        worker.stop(Duration.ofSeconds(10));
        latency.stop(Duration.ofSeconds(10));
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
    }
}
