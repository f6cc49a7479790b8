package io.taquilla.payment.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe's webhook signature scheme: {@code Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256
 * of "t.payload" with the endpoint secret>}. Verification is stripe-java's; this class reads the
 * timestamp (for the future-timestamp check) and signs, for the simulator and for tests.
 */
public final class StripeSignature {

    private StripeSignature() {
    }

    public static String header(String payload, String secret, long timestampSeconds) {
        return "t=" + timestampSeconds + ",v1=" + hmac(timestampSeconds + "." + payload, secret);
    }

    /** The {@code t=} value, or empty when the header has none or it is not a number. */
    public static OptionalLong timestamp(String header) {
        for (String item : header.split(",")) {
            String[] pair = item.trim().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t")) {
                try {
                    return OptionalLong.of(Long.parseLong(pair[1]));
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }

    static String hmac(String message, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
