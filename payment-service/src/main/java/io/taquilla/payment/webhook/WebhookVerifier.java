package io.taquilla.payment.webhook;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import io.taquilla.payment.config.PaymentProperties;
import io.taquilla.web.ApiProblem;
import java.time.Clock;
import java.util.OptionalLong;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Checks an incoming webhook before anything is stored: the signature on the raw body with
 * stripe-java (which also rejects timestamps older than the tolerance, i.e. replays), a timestamp
 * not too far in the future, a JSON event with id and type, and the same live/test mode as our key.
 * Every refusal is a 400 problem and is counted.
 */
@Component
public class WebhookVerifier {

    private final PaymentProperties.Stripe settings;
    private final WebhookMetrics metrics;
    private final Clock clock;

    public WebhookVerifier(PaymentProperties properties, WebhookMetrics metrics) {
        this.settings = properties.stripe();
        this.metrics = metrics;
        this.clock = Clock.systemUTC();
    }

    public VerifiedWebhook verify(String payload, String signature) {
        if (signature == null || signature.isBlank()) {
            throw signatureProblem("missing", "stripe-signature-missing", "The Stripe-Signature header is missing");
        }
        OptionalLong timestamp = StripeSignature.timestamp(signature);
        if (timestamp.isEmpty()) {
            throw signatureProblem("malformed", "stripe-signature-invalid", "The Stripe-Signature header has no timestamp");
        }
        long now = clock.instant().getEpochSecond();
        if (timestamp.getAsLong() > now + settings.futureTolerance().toSeconds()) {
            throw signatureProblem("future", "stripe-signature-timestamp",
                    "The signature timestamp is more than " + settings.futureTolerance().toSeconds() + " s in the future");
        }
        if (timestamp.getAsLong() < now - settings.tolerance().toSeconds()) {
            throw signatureProblem("stale", "stripe-signature-timestamp",
                    "The signature timestamp is older than " + settings.tolerance().toSeconds() + " s");
        }
        try {
            Webhook.Signature.verifyHeader(payload, signature, settings.webhookSecret(), settings.tolerance().toSeconds(), clock);
        } catch (SignatureVerificationException e) {
            throw signatureProblem("mismatch", "stripe-signature-invalid", "The Stripe-Signature does not match the payload");
        }
        return parse(payload);
    }

    private VerifiedWebhook parse(String payload) {
        JsonObject event;
        try {
            JsonElement root = JsonParser.parseString(payload);
            if (!root.isJsonObject()) {
                throw malformed("the body is not a JSON object");
            }
            event = root.getAsJsonObject();
        } catch (RuntimeException e) {
            if (e instanceof ApiProblem problem) {
                throw problem;
            }
            throw malformed("the body is not valid JSON");
        }
        String id = StripeJson.text(event, "id");
        String type = StripeJson.text(event, "type");
        if (id == null || !id.startsWith("evt_") || type == null || !"event".equals(StripeJson.text(event, "object"))) {
            throw malformed("the body is not a Stripe event (object \"event\" with an evt_ id and a type)");
        }
        boolean livemode = event.has("livemode") && event.get("livemode").isJsonPrimitive() && event.get("livemode").getAsBoolean();
        if (livemode != settings.livemode()) {
            metrics.rejected(type, "livemode");
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "stripe-livemode-mismatch", "Wrong Stripe mode",
                    "A " + (livemode ? "live" : "test") + "-mode event reached a " + (settings.livemode() ? "live" : "test")
                            + "-mode endpoint");
        }
        return new VerifiedWebhook(id, type, livemode, StripeJson.orderId(StripeJson.dataObject(event)), payload);
    }

    private ApiProblem malformed(String detail) {
        metrics.rejected("unknown", "malformed");
        return new ApiProblem(HttpStatus.BAD_REQUEST, "stripe-event-malformed", "Malformed Stripe event",
                "The webhook is signed but " + detail);
    }

    private ApiProblem signatureProblem(String reason, String type, String detail) {
        metrics.signatureFailure(reason);
        return new ApiProblem(HttpStatus.BAD_REQUEST, type, "Stripe signature rejected", detail);
    }
}
