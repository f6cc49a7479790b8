package io.taquilla.contracts.payments;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.taquilla.contracts.TaquillaEvent;

import java.util.UUID;

/**
 * Events on {@code payments.payment.v1}, keyed by order id: what the payment provider told us,
 * translated into Taquilla terms so order-service never sees provider payloads.
 */
public sealed interface PaymentEvent extends TaquillaEvent
        permits CheckoutSessionCreated, PaymentSucceeded, PaymentFailed, PaymentRefunded, PaymentFlagged,
                RefundFailed, PaymentDisputed {

    UUID orderId();

    @Override
    @JsonIgnore
    default String aggregateId() {
        return orderId().toString();
    }
}
