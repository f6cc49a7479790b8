package io.taquilla.localstack;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Stripe-format webhooks signed with the local stack's webhook secret, as Stripe would send them. */
final class StripeWebhooks {

    private StripeWebhooks() {
    }

    static String checkoutCompleted(String sessionId, String orderId, long amountMinor, String currency, String paymentIntentId) {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("id", sessionId);
        session.put("object", "checkout.session");
        session.put("amount_subtotal", amountMinor);
        session.put("amount_total", amountMinor);
        session.put("currency", currency.toLowerCase());
        session.put("client_reference_id", orderId);
        session.put("livemode", false);
        session.put("metadata", Map.of("orderId", orderId));
        session.put("mode", "payment");
        session.put("payment_intent", paymentIntentId);
        session.put("payment_status", "paid");
        session.put("status", "complete");
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", "evt_test_" + UUID.randomUUID().toString().replace("-", ""));
        event.put("object", "event");
        event.put("api_version", "2025-09-30.clover");
        event.put("created", Instant.now().getEpochSecond());
        event.put("data", Map.of("object", session));
        event.put("livemode", false);
        event.put("type", "checkout.session.completed");
        return Http.MAPPER.writeValueAsString(event);
    }

    /** The {@code Stripe-Signature} header: {@code t=<unix time>,v1=<hex HMAC-SHA256 of "t.payload">}. */
    static String signature(String payload, String secret) throws Exception {
        long timestamp = Instant.now().getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signed = HexFormat.of().formatHex(mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8)));
        return "t=" + timestamp + ",v1=" + signed;
    }
}
