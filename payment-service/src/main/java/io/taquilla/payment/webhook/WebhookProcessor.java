package io.taquilla.payment.webhook;

import io.taquilla.payment.config.PaymentProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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
    private final Semaphore wakeUp = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    public WebhookProcessor(Jdbi jdbi, StripeEvents events, ApplyStripeSignal apply, WebhookMetrics metrics,
                            PaymentProperties properties) {
        this.jdbi = jdbi;
        this.events = events;
        this.apply = apply;
        this.metrics = metrics;
        this.settings = properties.worker();
    }

    public void wakeUp() {
        wakeUp.release();
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
        Duration delay = settings.initialBackoff().multipliedBy(1L << Math.min(attempts - 1, 16));
        return delay.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : delay;
    }

    private void loop(boolean measures) {
        long nextMeasure = 0;
        while (running) {
            try {
                boolean worked = processOnce();
                if (measures && System.currentTimeMillis() >= nextMeasure) {
                    measurePublished();
                    nextMeasure = System.currentTimeMillis() + 100;
                }
                if (!worked) {
                    wakeUp.tryAcquire(measures ? Math.min(100, settings.pollInterval().toMillis())
                            : settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                log.warn("webhook processor: {}", e.toString());
                try {
                    Thread.sleep(settings.pollInterval().toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        for (int i = 0; i < Math.max(1, settings.webhookThreads()); i++) {
            boolean measures = i == 0;
            Thread thread = new Thread(() -> loop(measures), "stripe-webhooks-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        wakeUp.release(threads.size());
        for (Thread thread : threads) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
