package io.taquilla.payment.provider;

import com.stripe.StripeClient;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.taquilla.payment.config.PaymentProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Stripe (or the simulator) behind Resilience4j. The circuit breaker counts only transient
 * failures (Stripe refusing a request is an answer, not an outage); its state and the retries are
 * exported as {@code resilience4j_circuitbreaker_*} and {@code resilience4j_retry_*} metrics.
 */
@Configuration
@EnableConfigurationProperties(PaymentProperties.class)
public class ProviderConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ProviderConfiguration.class);

    @Bean
    @Conditional(StripeConfigured.class)
    public StripeApiProvider stripeApiProvider(PaymentProperties properties) {
        PaymentProperties.Stripe stripe = properties.stripe();
        log.info("payments go through the Stripe API at {} ({} mode)", stripe.apiBase(), stripe.livemode() ? "live" : "test");
        return new StripeApiProvider(StripeClient.builder()
                .setApiKey(stripe.secretKey())
                .setApiBase(stripe.apiBase())
                .setMaxNetworkRetries(0) // Resilience4j retries, so attempts are counted and timed
                .setConnectTimeout((int) stripe.connectTimeout().toMillis())
                .setReadTimeout((int) stripe.readTimeout().toMillis())
                .build());
    }

    @Bean
    public CircuitBreakerRegistry stripeCircuitBreakers(PaymentProperties properties, MeterRegistry meters) {
        PaymentProperties.Resilience settings = properties.resilience();
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .minimumNumberOfCalls(settings.minimumCalls())
                .slidingWindowSize(settings.slidingWindow())
                .waitDurationInOpenState(settings.openDuration())
                .slowCallDurationThreshold(settings.slowCallDuration())
                .permittedNumberOfCallsInHalfOpenState(2)
                .recordException(StripeFailures::isTransient)
                .build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
        return registry;
    }

    @Bean
    public RetryRegistry stripeRetries(PaymentProperties properties, MeterRegistry meters) {
        PaymentProperties.Resilience settings = properties.resilience();
        RetryRegistry registry = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(settings.retryAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.retryInitialInterval(),
                        settings.retryMultiplier()))
                .retryOnException(failure -> StripeFailures.isTransient(failure)
                        && !(failure instanceof io.github.resilience4j.circuitbreaker.CallNotPermittedException))
                .build());
        TaggedRetryMetrics.ofRetryRegistry(registry).bindTo(meters);
        return registry;
    }

    @Bean
    public ResilientStripe resilientStripe(PaymentProvider provider, CircuitBreakerRegistry circuitBreakers,
                                           RetryRegistry retries, MeterRegistry meters) {
        CircuitBreaker circuitBreaker = circuitBreakers.circuitBreaker("stripe");
        Retry retry = retries.retry("stripe");
        return new ResilientStripe(provider, retry, circuitBreaker, meters);
    }
}
