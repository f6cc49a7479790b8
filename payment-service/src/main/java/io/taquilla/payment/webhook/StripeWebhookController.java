package io.taquilla.payment.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stripe's webhook endpoint. Verifies, stores the raw event once and answers at once; the event is
 * applied afterwards by {@link WebhookProcessor}, so Stripe never waits on our database work and a
 * crash after the answer loses nothing (the row is already committed).
 */
@RestController
public class StripeWebhookController {

    private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);

    private final WebhookVerifier verifier;
    private final StripeEvents events;
    private final WebhookProcessor processor;
    private final WebhookMetrics metrics;

    public StripeWebhookController(WebhookVerifier verifier, StripeEvents events, WebhookProcessor processor,
                                   WebhookMetrics metrics) {
        this.verifier = verifier;
        this.events = events;
        this.processor = processor;
        this.metrics = metrics;
    }

    @PostMapping("/api/payments/webhooks/stripe")
    public ResponseEntity<Map<String, Object>> receive(
            @RequestHeader(name = "Stripe-Signature", required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        String payload = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        VerifiedWebhook webhook = verifier.verify(payload, signature);
        if (!events.storeOnce(webhook)) {
            metrics.duplicate(webhook.type());
            log.debug("duplicate stripe event {} ({})", webhook.eventId(), webhook.type());
            return ResponseEntity.ok(Map.of("received", true, "duplicate", true));
        }
        metrics.received(webhook.type(), "accepted");
        processor.wakeUp();
        return ResponseEntity.ok(Map.of("received", true, "duplicate", false));
    }
}
