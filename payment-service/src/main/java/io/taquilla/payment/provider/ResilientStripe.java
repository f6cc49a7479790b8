package io.taquilla.payment.provider;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.retry.Retry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Every Stripe call goes through here: timed per attempt ({@code taquilla.payments.stripe.api.latency}),
 * counted when it fails ({@code taquilla.payments.stripe.api.errors}), retried in place with
 * exponential back-off for transient errors, and refused at once while the circuit is open. What
 * still fails is rethrown; the caller keeps the work and tries again later.
 */
public class ResilientStripe {

    private final PaymentProvider provider;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final MeterRegistry meters;

    public ResilientStripe(PaymentProvider provider, Retry retry, CircuitBreaker circuitBreaker, MeterRegistry meters) {
        this.provider = provider;
        this.retry = retry;
        this.circuitBreaker = circuitBreaker;
        this.meters = meters;
        // Zero-valued series from the start, so the error panels and alerts read 0, not "no data".
        for (String operation : new String[] {"create_checkout_session", "expire_checkout_session", "create_refund"}) {
            errors(operation, "none", true);
        }
    }

    public OpenedCheckout openCheckout(CheckoutRequest request) throws Throwable {
        return call("create_checkout_session", () -> provider.openCheckout(request));
    }

    public void expireCheckout(String sessionId, String idempotencyKey) throws Throwable {
        call("expire_checkout_session", () -> {
            provider.expireCheckout(sessionId, idempotencyKey);
            return null;
        });
    }

    public SubmittedRefund refund(RefundOrder request) throws Throwable {
        return call("create_refund", () -> provider.refund(request));
    }

    public CircuitBreaker.State circuitState() {
        return circuitBreaker.getState();
    }

    private <T> T call(String operation, CheckedSupplier<T> body) throws Throwable {
        CheckedSupplier<T> measured = () -> {
            long start = System.nanoTime();
            try {
                T result = body.get();
                latency(operation, "success").record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                return result;
            } catch (Throwable failure) {
                latency(operation, "error").record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                errors(operation, failure.getClass().getSimpleName(), StripeFailures.isTransient(failure)).increment();
                throw failure;
            }
        };
        return Retry.decorateCheckedSupplier(retry, CircuitBreaker.decorateCheckedSupplier(circuitBreaker, measured)).get();
    }

    private Counter errors(String operation, String error, boolean transientError) {
        return Counter.builder("taquilla.payments.stripe.api.errors")
                .description("Failed Stripe API calls, each attempt counted")
                .tag("operation", operation)
                .tag("error", error)
                .tag("transient", String.valueOf(transientError))
                .register(meters);
    }

    private Timer latency(String operation, String outcome) {
        return Timer.builder("taquilla.payments.stripe.api.latency")
                .description("Stripe API call latency, per attempt")
                .tag("operation", operation)
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(meters);
    }
}
