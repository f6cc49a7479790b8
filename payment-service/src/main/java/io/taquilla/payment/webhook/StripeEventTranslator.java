package io.taquilla.payment.webhook;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.taquilla.contracts.common.Money;
import java.util.Locale;

/**
 * Maps the Stripe event types payment-service acts on to {@link StripeSignal}s:
 * {@code checkout.session.completed} (paid) and {@code payment_intent.succeeded} → paid;
 * {@code checkout.session.expired} and {@code checkout.session.async_payment_failed} → failed;
 * {@code payment_intent.payment_failed} → declined (the Checkout Session stays open for another
 * try); {@code charge.refunded} → refunded, in full or in part; {@code charge.dispute.created} /
 * {@code charge.dispute.closed} → dispute opened / closed. Everything else is unknown:
 * stored, not acted on.
 */
public final class StripeEventTranslator {

    private StripeEventTranslator() {
    }

    public static StripeSignal translate(String type, String payload) {
        JsonObject event = JsonParser.parseString(payload).getAsJsonObject();
        JsonObject object = StripeJson.dataObject(event);
        switch (type) {
            case "checkout.session.completed":
            case "checkout.session.async_payment_succeeded":
                if (!"paid".equals(StripeJson.text(object, "payment_status"))) {
                    return signal(StripeSignal.Kind.NOT_YET, object, null, null, null,
                            "session complete, payment " + StripeJson.text(object, "payment_status"));
                }
                return signal(StripeSignal.Kind.PAID, object, StripeJson.text(object, "payment_intent"),
                        money(object, "amount_total"), null, null);
            case "payment_intent.succeeded":
                Long received = StripeJson.number(object, "amount_received");
                return signal(StripeSignal.Kind.PAID, object, StripeJson.text(object, "id"),
                        money(object, received != null ? "amount_received" : "amount"), null, null);
            case "checkout.session.expired":
                return signal(StripeSignal.Kind.FAILED, object, StripeJson.text(object, "payment_intent"), null, null,
                        "checkout session expired");
            case "checkout.session.async_payment_failed":
                return signal(StripeSignal.Kind.FAILED, object, StripeJson.text(object, "payment_intent"), null, null,
                        "asynchronous payment failed");
            case "payment_intent.payment_failed":
                return signal(StripeSignal.Kind.DECLINED, object, StripeJson.text(object, "id"), null, null,
                        failureReason(object));
            case "charge.refunded":
                // amount_refunded is cumulative; refunded is true only once the charge is refunded in full.
                StripeSignal refunded = signal(StripeSignal.Kind.REFUNDED, object,
                        StripeJson.text(object, "payment_intent"), money(object, "amount_refunded"),
                        latestRefundId(object), null);
                JsonElement full = object.get("refunded");
                return full == null || !full.isJsonPrimitive() ? refunded : new StripeSignal(refunded.kind(),
                        refunded.orderId(), refunded.sessionId(), refunded.paymentIntentId(), refunded.money(),
                        refunded.refundId(), null, full.getAsBoolean());
            case "charge.dispute.created":
            case "charge.dispute.closed":
                // A dispute carries no order metadata: matched by its payment intent.
                return new StripeSignal(type.endsWith("created") ? StripeSignal.Kind.DISPUTE_OPENED
                        : StripeSignal.Kind.DISPUTE_CLOSED, StripeJson.orderId(object), null,
                        StripeJson.text(object, "payment_intent"), money(object, "amount"), null,
                        StripeJson.text(object, "reason"));
            default:
                return new StripeSignal(StripeSignal.Kind.UNKNOWN, null, null, null, null, null, "not handled: " + type);
        }
    }

    private static StripeSignal signal(StripeSignal.Kind kind, JsonObject object, String paymentIntentId, Money money,
                                       String refundId, String reason) {
        String objectType = StripeJson.text(object, "object");
        String sessionId = "checkout.session".equals(objectType) ? StripeJson.text(object, "id") : null;
        return new StripeSignal(kind, StripeJson.orderId(object), sessionId, paymentIntentId, money, refundId, reason);
    }

    private static Money money(JsonObject object, String amountField) {
        Long amount = StripeJson.number(object, amountField);
        String currency = StripeJson.text(object, "currency");
        if (amount == null || currency == null) {
            return null;
        }
        return new Money(amount, currency.toUpperCase(Locale.ROOT));
    }

    private static String failureReason(JsonObject intent) {
        JsonObject error = StripeJson.object(intent, "last_payment_error");
        if (error == null) {
            return "payment failed";
        }
        String message = StripeJson.text(error, "message");
        String code = StripeJson.text(error, "decline_code") != null ? StripeJson.text(error, "decline_code")
                : StripeJson.text(error, "code");
        return message != null ? message + (code != null ? " (" + code + ")" : "") : "payment failed: " + code;
    }

    /** Older API versions embed the refunds in the charge; newer ones don't, and the id comes from our table. */
    private static String latestRefundId(JsonObject charge) {
        JsonObject refunds = StripeJson.object(charge, "refunds");
        JsonElement data = refunds == null ? null : refunds.get("data");
        if (data == null || !data.isJsonArray()) {
            return null;
        }
        JsonArray list = data.getAsJsonArray();
        return list.isEmpty() || !list.get(0).isJsonObject() ? null : StripeJson.text(list.get(0).getAsJsonObject(), "id");
    }
}
