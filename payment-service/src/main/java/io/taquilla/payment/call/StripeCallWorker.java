package io.taquilla.payment.call;

import io.micrometer.core.instrument.MeterRegistry;
import io.taquilla.messaging.worker.Backoff;
import io.taquilla.messaging.worker.Worker;
import io.taquilla.payment.config.PaymentProperties;
import io.taquilla.payment.provider.StripeFailures;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();
    private final Worker worker;
    private volatile long nextGauge;

    public StripeCallWorker(StripeCalls calls, List<StripeCallHandler> handlers, PaymentProperties properties,
                            MeterRegistry meters) {
        this.calls = calls;
        handlers.forEach(handler -> this.handlers.put(handler.operation(), handler));
        this.settings = properties.worker();
        meters.gauge("taquilla.payments.stripe.calls.pending", pending);
        meters.gauge("taquilla.payments.stripe.calls.oldest.age.seconds", oldestAgeMillis, a -> a.get() / 1000.0);
        this.worker = new Worker("stripe-calls", settings.stripeThreads(), settings.pollInterval(),
                new Backoff(settings.pollInterval(), settings.pollInterval(), 1.0, 0.2), meters, index -> round());
    }

    /** Called after a transaction enqueued calls, so they start at once instead of at the next poll. */
    public void wakeUp() {
        worker.wakeUpAll();
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
        return new Backoff(settings.initialBackoff(), settings.maxBackoff(), 2.0, 0.0).delay(attempts);
    }

    private boolean round() {
        boolean worked = workOnce();
        if (System.currentTimeMillis() >= nextGauge) {
            long[] backlog = calls.backlog();
            pending.set(backlog[0]);
            oldestAgeMillis.set(backlog[1]);
            nextGauge = System.currentTimeMillis() + 1000;
        }
        return worked;
    }

    @Override
    public void start() {
        worker.start();
    }

    @Override
    public void stop() {
        worker.stop(Duration.ofSeconds(10));
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
    }
}
