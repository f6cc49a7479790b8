package io.taquilla.payment.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** The webhook meters, in one place so their names and tags stay consistent. */
@Component
public class WebhookMetrics {

    private final MeterRegistry meters;
    private final Timer toPublished;

    public WebhookMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.toPublished = Timer.builder("taquilla.payments.webhook.to.published")
                .description("From storing a Stripe webhook to Kafka acknowledging the payment event it caused")
                .publishPercentiles(0.5, 0.99)
                .publishPercentileHistogram()
                .register(meters);
        // Zero-valued series from the start, so dashboards and alerts see 0 rather than no data.
        for (String reason : new String[] {"missing", "malformed", "future", "stale", "mismatch"}) {
            signatureFailures(reason);
        }
        duplicates("unknown");
    }

    private Counter signatureFailures(String reason) {
        return Counter.builder("taquilla.payments.webhooks.signature.failures")
                .description("Webhooks refused because of their Stripe-Signature")
                .tag("reason", reason)
                .register(meters);
    }

    private Counter duplicates(String type) {
        return Counter.builder("taquilla.payments.webhooks.duplicates")
                .description("Webhooks whose Stripe event id was already stored")
                .tag("type", type)
                .register(meters);
    }

    /** A webhook answered at the HTTP edge: outcome accepted, duplicate, signature, malformed or livemode. */
    public void received(String type, String outcome) {
        Counter.builder("taquilla.payments.webhooks.received")
                .description("Stripe webhooks by type and how the endpoint answered")
                .tag("type", type).tag("outcome", outcome)
                .register(meters).increment();
    }

    public void rejected(String type, String outcome) {
        received(type, outcome);
    }

    public void signatureFailure(String reason) {
        signatureFailures(reason).increment();
        received("unknown", "signature");
    }

    public void duplicate(String type) {
        duplicates(type).increment();
        received(type, "duplicate");
    }

    /** A stored webhook applied: outcome published, ignored, unmatched, unknown_type or error. */
    public void processed(String type, String outcome) {
        Counter.builder("taquilla.payments.webhooks.processed")
                .description("Stored Stripe webhooks applied to payments, by type and outcome")
                .tag("type", type).tag("outcome", outcome)
                .register(meters).increment();
    }

    public void toPublished(Duration latency) {
        toPublished.record(latency);
    }

    public Timer toPublishedTimer() {
        return toPublished;
    }
}
