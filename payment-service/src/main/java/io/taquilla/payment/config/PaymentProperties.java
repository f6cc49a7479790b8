package io.taquilla.payment.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings under {@code taquilla.payments}; see docs/services/payment-service.md. */
@ConfigurationProperties("taquilla.payments")
public record PaymentProperties(@DefaultValue Stripe stripe, @DefaultValue Checkout checkout,
                                @DefaultValue Worker worker, @DefaultValue Resilience resilience) {

    /**
     * @param secretKey       {@code STRIPE_SECRET_KEY}; blank selects the built-in simulator
     * @param webhookSecret   {@code STRIPE_WEBHOOK_SECRET}, the {@code whsec_...} signing secret
     * @param apiBase         {@code STRIPE_API_BASE}, overridden by tests (WireMock)
     * @param tolerance       how old a signature timestamp may be (replay window)
     * @param futureTolerance how far ahead of our clock a signature timestamp may be (clock skew)
     */
    public record Stripe(@DefaultValue("") String secretKey,
                         @DefaultValue("whsec_taquilla_local_development") String webhookSecret,
                         @DefaultValue("https://api.stripe.com") String apiBase,
                         @DefaultValue("300s") Duration tolerance,
                         @DefaultValue("60s") Duration futureTolerance,
                         @DefaultValue("10s") Duration connectTimeout,
                         @DefaultValue("30s") Duration readTimeout) {

        public boolean simulated() {
            return secretKey == null || secretKey.isBlank();
        }

        /** Live keys receive only live events and test keys only test events. */
        public boolean livemode() {
            return !simulated() && (secretKey.startsWith("sk_live_") || secretKey.startsWith("rk_live_"));
        }
    }

    /**
     * @param successUrl      where Stripe sends the buyer after paying; {@code {ORDER_ID}} is replaced,
     *                        {@code {CHECKOUT_SESSION_ID}} is left for Stripe
     * @param minimumLifetime lower bound of a session's life (Stripe demands at least 30 minutes)
     * @param publicBaseUrl   the gateway origin, for the simulator's checkout page links
     */
    public record Checkout(
            @DefaultValue("http://localhost:8080/checkout/success?order={ORDER_ID}&session_id={CHECKOUT_SESSION_ID}") String successUrl,
            @DefaultValue("http://localhost:8080/checkout/cancelled?order={ORDER_ID}") String cancelUrl,
            @DefaultValue("45m") Duration minimumLifetime,
            @DefaultValue("http://localhost:8080") String publicBaseUrl) {

        public String successUrlFor(java.util.UUID orderId) {
            return successUrl.replace("{ORDER_ID}", orderId.toString());
        }

        public String cancelUrlFor(java.util.UUID orderId) {
            return cancelUrl.replace("{ORDER_ID}", orderId.toString());
        }
    }

    /**
     * The loops that call Stripe and apply stored webhooks.
     *
     * @param lease      how long a claimed Stripe call is reserved before another worker may retry it
     * @param maxBackoff the longest wait between two attempts of a call during an outage
     */
    public record Worker(@DefaultValue("500ms") Duration pollInterval,
                         @DefaultValue("2") int stripeThreads,
                         @DefaultValue("2") int webhookThreads,
                         @DefaultValue("60s") Duration lease,
                         @DefaultValue("1s") Duration initialBackoff,
                         @DefaultValue("5m") Duration maxBackoff) {}

    /** Resilience4j around every Stripe call: in-place retry, then a circuit breaker. */
    public record Resilience(@DefaultValue("3") int retryAttempts,
                             @DefaultValue("200ms") Duration retryInitialInterval,
                             @DefaultValue("2.0") double retryMultiplier,
                             @DefaultValue("50") float failureRateThreshold,
                             @DefaultValue("10") int minimumCalls,
                             @DefaultValue("20") int slidingWindow,
                             @DefaultValue("30s") Duration openDuration,
                             @DefaultValue("5s") Duration slowCallDuration) {}
}
