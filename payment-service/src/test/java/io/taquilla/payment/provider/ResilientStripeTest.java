package io.taquilla.payment.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.taquilla.contracts.common.Money;
import io.taquilla.payment.config.PaymentProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Resilience4j as configured for Stripe, against a provider that fails on command. No Spring. */
class ResilientStripeTest {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final AtomicInteger calls = new AtomicInteger();
    final PaymentProperties.Resilience settings = new PaymentProperties.Resilience(3, Duration.ofMillis(1), 2.0, 50, 4, 4,
            Duration.ofSeconds(60), Duration.ofSeconds(5));
    volatile StripeException failure;

    final PaymentProvider provider = new PaymentProvider() {
        @Override
        public OpenedCheckout openCheckout(CheckoutRequest request) throws StripeException {
            calls.incrementAndGet();
            if (failure != null) {
                throw failure;
            }
            return new OpenedCheckout("cs_1", "https://checkout", request.expiresAt());
        }

        @Override
        public void expireCheckout(String sessionId, String idempotencyKey) {
        }

        @Override
        public SubmittedRefund refund(RefundOrder request) {
            return new SubmittedRefund("re_1", "succeeded");
        }
    };

    final ProviderConfiguration configuration = new ProviderConfiguration();
    final PaymentProperties properties = new PaymentProperties(null, null, null, settings);
    final CircuitBreakerRegistry circuits = configuration.stripeCircuitBreakers(properties, meters);
    final RetryRegistry retries = configuration.stripeRetries(properties, meters);
    final ResilientStripe stripe = configuration.resilientStripe(provider, circuits, retries, meters);

    static final CheckoutRequest REQUEST = new CheckoutRequest(UUID.randomUUID(), null, List.of(), new Money(100, "EUR"),
            "a@b.c", Instant.now(), "s", "c", "k");

    @Test
    void aTransientErrorIsRetriedInPlaceAndTimed() throws Throwable {
        failure = new ApiConnectionException("connection reset");
        assertThatThrownBy(() -> stripe.openCheckout(REQUEST)).isInstanceOf(ApiConnectionException.class);
        assertThat(calls).hasValue(3);
        assertThat(meters.get("taquilla.payments.stripe.api.errors").tag("operation", "create_checkout_session")
                .tag("transient", "true").counter().count()).isEqualTo(3);

        failure = null;
        assertThat(stripe.openCheckout(REQUEST).sessionId()).isEqualTo("cs_1");
        assertThat(meters.get("taquilla.payments.stripe.api.latency").tag("outcome", "success").timer().count()).isEqualTo(1);
    }

    @Test
    void stripeRefusingARequestIsNotRetriedAndDoesNotOpenTheCircuit() {
        failure = new InvalidRequestException("No such currency", "currency", "req_1", "parameter_invalid", 400, null);
        for (int i = 0; i < 6; i++) {
            assertThatThrownBy(() -> stripe.openCheckout(REQUEST)).isInstanceOf(InvalidRequestException.class);
        }
        assertThat(calls).hasValue(6);
        assertThat(stripe.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(StripeFailures.isTransient(failure)).isFalse();
    }

    @Test
    void anOutageOpensTheCircuitSoCallsFailFastAndItShowsOnMetrics() {
        failure = new ApiConnectionException("timeout");
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> stripe.openCheckout(REQUEST))
                    .isInstanceOfAny(StripeException.class, CallNotPermittedException.class);
        }
        assertThat(stripe.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
        int before = calls.get();
        assertThatThrownBy(() -> stripe.openCheckout(REQUEST)).isInstanceOf(CallNotPermittedException.class);
        assertThat(calls).as("no call reaches Stripe while open").hasValue(before);
        assertThat(StripeFailures.isTransient(new RuntimeException("circuit open"))).as("work is kept, not dropped").isTrue();
        assertThat(meters.get("resilience4j.circuitbreaker.state").tag("name", "stripe").tag("state", "open").gauge().value())
                .isEqualTo(1.0);
    }
}
