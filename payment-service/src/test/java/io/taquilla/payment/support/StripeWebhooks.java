package io.taquilla.payment.support;

import com.google.gson.JsonObject;
import io.taquilla.payment.webhook.StripeSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** Stripe-format webhook bodies and signed deliveries to the running service, as Stripe sends them. */
public final class StripeWebhooks {

    public static final String SECRET = "whsec_taquilla_tests";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private StripeWebhooks() {
    }

    public record Answer(int status, String contentType, String body) {}

    public static String newEventId() {
        return "evt_test_" + UUID.randomUUID().toString().replace("-", "");
    }

    public static String sessionCompleted(String eventId, UUID orderId, String sessionId, String paymentIntentId,
                                          long amount, String currency) {
        JsonObject session = new JsonObject();
        session.addProperty("id", sessionId);
        session.addProperty("object", "checkout.session");
        session.addProperty("amount_total", amount);
        session.addProperty("currency", currency.toLowerCase(Locale.ROOT));
        session.addProperty("client_reference_id", orderId.toString());
        session.add("metadata", metadata(orderId));
        session.addProperty("mode", "payment");
        session.addProperty("payment_intent", paymentIntentId);
        session.addProperty("payment_status", "paid");
        session.addProperty("status", "complete");
        return envelope(eventId, "checkout.session.completed", session);
    }

    public static String paymentIntentSucceeded(String eventId, UUID orderId, String paymentIntentId, long amount,
                                                String currency) {
        JsonObject intent = new JsonObject();
        intent.addProperty("id", paymentIntentId);
        intent.addProperty("object", "payment_intent");
        intent.addProperty("amount", amount);
        intent.addProperty("amount_received", amount);
        intent.addProperty("currency", currency.toLowerCase(Locale.ROOT));
        intent.add("metadata", metadata(orderId));
        intent.addProperty("status", "succeeded");
        return envelope(eventId, "payment_intent.succeeded", intent);
    }

    public static String paymentFailed(String eventId, UUID orderId, String paymentIntentId) {
        JsonObject intent = new JsonObject();
        intent.addProperty("id", paymentIntentId);
        intent.addProperty("object", "payment_intent");
        intent.add("metadata", metadata(orderId));
        intent.addProperty("status", "requires_payment_method");
        JsonObject error = new JsonObject();
        error.addProperty("code", "card_declined");
        error.addProperty("decline_code", "insufficient_funds");
        error.addProperty("message", "Your card has insufficient funds.");
        intent.add("last_payment_error", error);
        return envelope(eventId, "payment_intent.payment_failed", intent);
    }

    public static String sessionExpired(String eventId, UUID orderId, String sessionId) {
        JsonObject session = new JsonObject();
        session.addProperty("id", sessionId);
        session.addProperty("object", "checkout.session");
        session.addProperty("client_reference_id", orderId.toString());
        session.add("metadata", metadata(orderId));
        session.addProperty("payment_status", "unpaid");
        session.addProperty("status", "expired");
        return envelope(eventId, "checkout.session.expired", session);
    }

    /** A charge.refunded without metadata, as from newer API versions: matched by payment intent. */
    public static String chargeRefunded(String eventId, String paymentIntentId, long amount, String currency) {
        JsonObject charge = new JsonObject();
        charge.addProperty("id", "ch_test_" + UUID.randomUUID().toString().replace("-", ""));
        charge.addProperty("object", "charge");
        charge.addProperty("amount", amount);
        charge.addProperty("amount_refunded", amount);
        charge.addProperty("currency", currency.toLowerCase(Locale.ROOT));
        charge.addProperty("payment_intent", paymentIntentId);
        charge.addProperty("refunded", true);
        return envelope(eventId, "charge.refunded", charge);
    }

    /** A charge.refunded carrying the order id in metadata (as when the charge inherits it). */
    public static String chargeRefunded(String eventId, UUID orderId, String paymentIntentId, long amount, String currency) {
        com.google.gson.JsonObject event = com.google.gson.JsonParser.parseString(
                chargeRefunded(eventId, paymentIntentId, amount, currency)).getAsJsonObject();
        event.getAsJsonObject("data").getAsJsonObject("object").add("metadata", metadata(orderId));
        return event.toString();
    }

    /** A charge.refunded after a partial refund (e.g. from the Dashboard): {@code refunded} stays false. */
    public static String chargePartiallyRefunded(String eventId, UUID orderId, String paymentIntentId, long charged,
                                                 long refundedSoFar, String currency) {
        JsonObject event = com.google.gson.JsonParser.parseString(
                chargeRefunded(eventId, orderId, paymentIntentId, charged, currency)).getAsJsonObject();
        JsonObject charge = event.getAsJsonObject("data").getAsJsonObject("object");
        charge.addProperty("amount_refunded", refundedSoFar);
        charge.addProperty("refunded", false);
        return event.toString();
    }

    public static String ofType(String eventId, String type, JsonObject object) {
        return envelope(eventId, type, object);
    }

    public static String envelope(String eventId, String type, JsonObject object) {
        return envelope(eventId, type, object, false);
    }

    public static String envelope(String eventId, String type, JsonObject object, boolean livemode) {
        JsonObject event = new JsonObject();
        event.addProperty("id", eventId);
        event.addProperty("object", "event");
        event.addProperty("api_version", "2025-09-30.clover");
        event.addProperty("created", Instant.now().getEpochSecond());
        JsonObject data = new JsonObject();
        data.add("object", object);
        event.add("data", data);
        event.addProperty("livemode", livemode);
        event.addProperty("pending_webhooks", 1);
        event.addProperty("type", type);
        return event.toString();
    }

    public static String sign(String payload) {
        return StripeSignature.header(payload, SECRET, Instant.now().getEpochSecond());
    }

    public static Answer deliver(int port, String payload) {
        return deliver(port, payload, sign(payload));
    }

    /** POSTs {@code payload} with {@code signature} as the Stripe-Signature header (null: no header). */
    public static Answer deliver(int port, String payload, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/payments/webhooks/stripe"))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(payload));
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject metadata(UUID orderId) {
        JsonObject metadata = new JsonObject();
        metadata.addProperty("orderId", orderId.toString());
        return metadata;
    }
}
