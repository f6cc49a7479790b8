package io.taquilla.payment.simulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * Stripe-format event bodies (envelope and data objects shaped like Stripe's, trimmed to the
 * fields that matter), so the simulator exercises the same parsing as real webhooks.
 */
final class SimulatedEvents {

    static final String API_VERSION = "2025-09-30.clover";

    private SimulatedEvents() {
    }

    static String checkoutCompleted(SimulatedSession session) {
        JsonObject object = session(session, "complete", "paid");
        return envelope("checkout.session.completed", object);
    }

    static String checkoutExpired(SimulatedSession session) {
        JsonObject object = session(session, "expired", "unpaid");
        return envelope("checkout.session.expired", object);
    }

    static String paymentSucceeded(SimulatedSession session) {
        JsonObject intent = intent(session, "succeeded");
        intent.addProperty("amount_received", session.amountMinor());
        intent.addProperty("latest_charge", chargeId(session.paymentIntentId()));
        return envelope("payment_intent.succeeded", intent);
    }

    static String paymentFailed(SimulatedSession session) {
        JsonObject intent = intent(session, "requires_payment_method");
        intent.addProperty("amount_received", 0);
        JsonObject error = new JsonObject();
        error.addProperty("type", "card_error");
        error.addProperty("code", "card_declined");
        error.addProperty("decline_code", "generic_decline");
        error.addProperty("message", "Your card was declined.");
        intent.add("last_payment_error", error);
        return envelope("payment_intent.payment_failed", intent);
    }

    static String chargeRefunded(UUID orderId, String paymentIntentId, long amountMinor, String currency, String refundId) {
        JsonObject charge = new JsonObject();
        charge.addProperty("id", chargeId(paymentIntentId));
        charge.addProperty("object", "charge");
        charge.addProperty("amount", amountMinor);
        charge.addProperty("amount_captured", amountMinor);
        charge.addProperty("amount_refunded", amountMinor);
        charge.addProperty("currency", currency.toLowerCase(Locale.ROOT));
        charge.addProperty("captured", true);
        charge.addProperty("paid", true);
        charge.addProperty("refunded", true);
        charge.addProperty("status", "succeeded");
        charge.addProperty("payment_intent", paymentIntentId);
        charge.add("metadata", metadata(orderId));
        JsonObject refund = new JsonObject();
        refund.addProperty("id", refundId);
        refund.addProperty("object", "refund");
        refund.addProperty("amount", amountMinor);
        refund.addProperty("currency", currency.toLowerCase(Locale.ROOT));
        refund.addProperty("payment_intent", paymentIntentId);
        refund.addProperty("status", "succeeded");
        JsonArray data = new JsonArray();
        data.add(refund);
        JsonObject refunds = new JsonObject();
        refunds.addProperty("object", "list");
        refunds.add("data", data);
        refunds.addProperty("has_more", false);
        charge.add("refunds", refunds);
        return envelope("charge.refunded", charge);
    }

    /** {@code charge.dispute.created} (status needs_response) or {@code charge.dispute.closed} (won / lost). */
    static String dispute(SimulatedSession session, String status, boolean closed) {
        JsonObject dispute = new JsonObject();
        dispute.addProperty("id", "dp_sim_" + session.paymentIntentId().substring(session.paymentIntentId().indexOf('_') + 1));
        dispute.addProperty("object", "dispute");
        dispute.addProperty("amount", session.amountMinor());
        dispute.addProperty("currency", session.currency().toLowerCase(Locale.ROOT));
        dispute.addProperty("charge", chargeId(session.paymentIntentId()));
        dispute.addProperty("payment_intent", session.paymentIntentId());
        dispute.addProperty("reason", "fraudulent");
        dispute.addProperty("status", status);
        dispute.addProperty("livemode", false);
        dispute.add("metadata", new JsonObject());
        return envelope(closed ? "charge.dispute.closed" : "charge.dispute.created", dispute);
    }

    private static JsonObject session(SimulatedSession session, String status, String paymentStatus) {
        JsonObject object = new JsonObject();
        object.addProperty("id", session.id());
        object.addProperty("object", "checkout.session");
        object.addProperty("amount_subtotal", session.amountMinor());
        object.addProperty("amount_total", session.amountMinor());
        object.addProperty("currency", session.currency().toLowerCase(Locale.ROOT));
        object.addProperty("client_reference_id", session.orderId().toString());
        object.addProperty("customer_email", session.customerEmail());
        object.addProperty("expires_at", session.expiresAt().getEpochSecond());
        object.addProperty("livemode", false);
        object.add("metadata", metadata(session.orderId()));
        object.addProperty("mode", "payment");
        object.addProperty("payment_intent", "paid".equals(paymentStatus) ? session.paymentIntentId() : null);
        object.addProperty("payment_status", paymentStatus);
        object.addProperty("status", status);
        object.addProperty("success_url", session.successUrl());
        object.addProperty("cancel_url", session.cancelUrl());
        return object;
    }

    private static JsonObject intent(SimulatedSession session, String status) {
        JsonObject intent = new JsonObject();
        intent.addProperty("id", session.paymentIntentId());
        intent.addProperty("object", "payment_intent");
        intent.addProperty("amount", session.amountMinor());
        intent.addProperty("currency", session.currency().toLowerCase(Locale.ROOT));
        intent.addProperty("livemode", false);
        intent.add("metadata", metadata(session.orderId()));
        intent.addProperty("status", status);
        return intent;
    }

    private static JsonObject metadata(UUID orderId) {
        JsonObject metadata = new JsonObject();
        metadata.addProperty("orderId", orderId.toString());
        return metadata;
    }

    private static String envelope(String type, JsonObject object) {
        JsonObject event = new JsonObject();
        event.addProperty("id", "evt_sim_" + UUID.randomUUID().toString().replace("-", ""));
        event.addProperty("object", "event");
        event.addProperty("api_version", API_VERSION);
        event.addProperty("created", Instant.now().getEpochSecond());
        JsonObject data = new JsonObject();
        data.add("object", object);
        event.add("data", data);
        event.addProperty("livemode", false);
        event.addProperty("pending_webhooks", 1);
        JsonObject request = new JsonObject();
        request.add("id", null);
        request.add("idempotency_key", null);
        event.add("request", request);
        event.addProperty("type", type);
        return event.toString();
    }

    static String chargeId(String paymentIntentId) {
        return "ch_" + paymentIntentId.substring(paymentIntentId.indexOf('_') + 1);
    }
}
