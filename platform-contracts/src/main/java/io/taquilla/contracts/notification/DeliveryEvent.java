package io.taquilla.contracts.notification;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.taquilla.contracts.TaquillaEvent;

import java.util.UUID;

/** Events on {@code notification.delivery.v1}, keyed by order id: what the buyer was told, and whether it arrived. */
public sealed interface DeliveryEvent extends TaquillaEvent permits DeliveryStatusChanged {

    UUID orderId();

    @Override
    @JsonIgnore
    default String aggregateId() {
        return orderId().toString();
    }
}
