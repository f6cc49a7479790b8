package io.taquilla.payment.webhook;

import io.taquilla.messaging.retention.RetentionRule;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Applied webhooks are kept {@code taquilla.payments.retention.stripe-events} (default 180 days)
 * after receipt, then deleted by the messaging module's retention job. Long enough to answer a
 * dispute (card networks allow 120 days) with the provider's own signed record, and far beyond
 * Stripe's 3 days of redelivery, so the deduplication on the event id still holds. Webhooks not
 * applied yet are never deleted.
 */
@Configuration(proxyBeanMethods = false)
class StoredWebhookRetention {

    @Bean
    RetentionRule stripeEventsRetention(@Value("${taquilla.payments.retention.stripe-events:180d}") Duration keep) {
        return new RetentionRule("stripe-events", "stripe_events", "received_at", keep, "processed_at is not null");
    }
}
