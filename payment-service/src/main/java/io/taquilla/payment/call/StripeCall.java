package io.taquilla.payment.call;

import java.util.UUID;

/** A pending call to Stripe, claimed by one worker for the length of its lease. */
public record StripeCall(UUID id, UUID orderId, Operation operation, String idempotencyKey, int attempts) {

    public enum Operation {
        CREATE_CHECKOUT_SESSION("taquilla-checkout-"),
        EXPIRE_CHECKOUT_SESSION("taquilla-expire-"),
        CREATE_REFUND("taquilla-refund-");

        private final String keyPrefix;

        Operation(String keyPrefix) {
            this.keyPrefix = keyPrefix;
        }

        /** Derived from the order alone, so every retry (and every redelivery) reuses it. */
        public String idempotencyKey(UUID orderId) {
            return keyPrefix + orderId;
        }
    }

    /** How a call ended for good. */
    public enum Outcome {
        DONE, REJECTED, SKIPPED;

        public String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
