package io.taquilla.contracts.ordering;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.taquilla.contracts.TaquillaEvent;

import java.util.UUID;

/** Events on {@code ordering.order.v1}, keyed by order id: the order lifecycle as decided by order-service. */
public sealed interface OrderEvent extends TaquillaEvent
        permits OrderPlaced, OrderConfirmed, OrderExpired, OrderCancelled, OrderRejected, RefundRequested, OrderRefunded,
                OrderDisputed {

    UUID orderId();

    @Override
    @JsonIgnore
    default String aggregateId() {
        return orderId().toString();
    }
}
