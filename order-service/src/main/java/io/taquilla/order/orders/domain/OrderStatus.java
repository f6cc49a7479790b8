package io.taquilla.order.orders.domain;

/**
 * The life of an order. AWAITING_PAYMENT holds inventory until {@code holdExpiresAt}; CONFIRMED
 * has sold it; the rest are final except REFUND_REQUESTED, which waits for the provider.
 */
public enum OrderStatus {
    AWAITING_PAYMENT,
    CONFIRMED,
    EXPIRED,
    CANCELLED,
    REJECTED,
    REFUND_REQUESTED,
    REFUNDED;

    /** Statuses whose order owns sold units. */
    public boolean sold() {
        return this == CONFIRMED || this == REFUND_REQUESTED;
    }
}
