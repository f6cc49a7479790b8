package io.taquilla.payment.call;

import io.micrometer.core.instrument.MeterRegistry;
import io.taquilla.payment.config.PaymentProperties;
import io.taquilla.payment.provider.StripeFailures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Works through {@code stripe_calls}. A call that fails transiently (after Resilience4j's in-place
 * retries, or refused by the open circuit) is kept and retried with exponential back-off up to
 * {@code maxBackoff}, for as long as it takes; only Stripe's explicit refusal ends it.
 */
@Component
public class StripeCallWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StripeCallWorker.class);

    private final StripeCalls calls;
    private final Map<StripeCall.Operation, StripeCallHandler> handlers = new EnumMap<>(StripeCall.Operation.class);
    private final PaymentProperties.Worker settings;
    private final Semaphore wakeUp = new Semaphore(0);
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    public StripeCallWorker(StripeCalls calls, List<StripeCallHandler> handlers, PaymentProperties properties,
                            MeterRegistry meters) {
        this.calls = calls;
        handlers.forEach(handler -> this.handlers.put(handler.operation(), handler));
        this.settings = properties.worker();
        meters.gauge("taquilla.payments.stripe.calls.pending", pending);
        meters.gauge("taquilla.payments.stripe.calls.oldest.age.seconds", oldestAgeMillis, a -> a.get() / 1000.0);
    }

    /** Called after a transaction enqueued calls, so they start at once instead of at the next poll. */
    public void wakeUp() {
        wakeUp.release(settings.stripeThreads());
    }

    /** Claims and performs one due call; false when there was none. Public for tests and the bench. */
    public boolean workOnce() {
        Optional<StripeCall> claimed = calls.claim(settings.lease());
        if (claimed.isEmpty()) {
            return false;
        }
        StripeCall call = claimed.get();
        StripeCallHandler handler = handlers.get(call.operation());
        try {
            handler.perform(call);
        } catch (Throwable failure) {
            String error = StripeFailures.describe(failure);
            if (StripeFailures.isTransient(failure)) {
                Duration delay = backoff(call.attempts());
                log.warn("stripe {} for order {} failed (attempt {}), retrying in {} ms: {}", call.operation(),
                        call.orderId(), call.attempts(), delay.toMillis(), error);
                calls.retryLater(call.id(), delay, error);
            } else {
                log.error("stripe refused {} for order {}: {}", call.operation(), call.orderId(), error);
                handler.rejected(call, error);
            }
        }
        return true;
    }

    Duration backoff(int attempts) {
        long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
        Duration delay = settings.initialBackoff().multipliedBy(factor);
        return delay.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : delay;
    }

    private void loop() {
        long nextGauge = 0;
        while (running) {
            try {
                boolean worked = workOnce();
                if (System.currentTimeMillis() >= nextGauge) {
                    long[] backlog = calls.backlog();
                    pending.set(backlog[0]);
                    oldestAgeMillis.set(backlog[1]);
                    nextGauge = System.currentTimeMillis() + 1000;
                }
                if (!worked) {
                    wakeUp.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                log.warn("stripe call worker: {}", e.toString());
                sleepQuietly(settings.pollInterval());
            }
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        for (int i = 0; i < settings.stripeThreads(); i++) {
            Thread thread = new Thread(this::loop, "stripe-calls-" + i);
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
