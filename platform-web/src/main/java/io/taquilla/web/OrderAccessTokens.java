package io.taquilla.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The buyer's key to one order: an HMAC of the order id under a secret shared by the services
 * that serve buyers (orders, tickets, notification links). Stateless, so ticketing can check a
 * token without asking order-service; unguessable (256-bit MAC); compared in constant time.
 */
public class OrderAccessTokens {

    private final SecretKeySpec key;

    public OrderAccessTokens(String secret) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalArgumentException("the order token secret needs at least 32 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String tokenFor(UUID orderId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(orderId));
    }

    public boolean verify(UUID orderId, String token) {
        if (orderId == null || token == null || token.isBlank()) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(token.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(orderId), given);
    }

    private byte[] mac(UUID orderId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(("order:" + orderId).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
