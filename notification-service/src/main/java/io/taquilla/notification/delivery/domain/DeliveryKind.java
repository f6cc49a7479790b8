package io.taquilla.notification.delivery.domain;

/** What the buyer is told. One delivery per order, kind and channel, whatever the number of events. */
public enum DeliveryKind {
    /** The tickets of a confirmed order: QR codes inline, a PDF attached, and a link. */
    TICKETS,
    /** The hold ran out before payment; nothing was charged. */
    ORDER_EXPIRED,
    /** An admin refunded the order. */
    REFUND,
    /** The payment came after the hold was lost and no tickets were left, so it is (being) refunded. */
    LATE_PAYMENT_REFUNDED,
    /** The organizer cancelled the event: the order is refunded and its tickets no longer admit anyone. */
    EVENT_CANCELLED
}
