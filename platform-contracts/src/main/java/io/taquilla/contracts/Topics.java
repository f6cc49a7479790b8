package io.taquilla.contracts;

import io.taquilla.contracts.catalog.CatalogEvent;
import io.taquilla.contracts.identity.StaffEvent;
import io.taquilla.contracts.notification.DeliveryEvent;
import io.taquilla.contracts.ordering.InventoryEvent;
import io.taquilla.contracts.ordering.OrderEvent;
import io.taquilla.contracts.payments.PaymentEvent;
import io.taquilla.contracts.scanning.ScanEvent;
import io.taquilla.contracts.ticketing.SigningKeyEvent;
import io.taquilla.contracts.ticketing.TicketEvent;

import java.util.Map;

/**
 * Kafka topic names, {@code <context>.<entity>.v<N>}. Each topic is keyed by one aggregate id so the
 * events of one aggregate stay in order on one partition.
 */
public final class Topics {

    /** Key: catalog event id. {@code EventPublished}, {@code EventUpdated}, {@code EventCancelled}, each with a full snapshot. */
    public static final String CATALOG_EVENT = "catalog.event.v1";

    /** Key: order id. Order lifecycle: placed, confirmed, expired, cancelled, rejected, refund requested, refunded. */
    public static final String ORDERING_ORDER = "ordering.order.v1";

    /** Key: catalog event id. {@code InventoryChanged}: live capacity, held, sold and available per ticket type. */
    public static final String ORDERING_INVENTORY = "ordering.inventory.v1";

    /** Key: order id. Checkout session created, payment succeeded, failed, refunded or flagged. */
    public static final String PAYMENTS_PAYMENT = "payments.payment.v1";

    /** Key: order id. {@code TicketsIssued} (with signed QR tokens) and {@code TicketsRevoked}. */
    public static final String TICKETING_TICKET = "ticketing.ticket.v1";

    /** Key: signing key id. {@code SigningKeyPublished}: public keys and their status, for offline QR verification. */
    public static final String TICKETING_SIGNING_KEY = "ticketing.signing-key.v1";

    /** Key: catalog event id. {@code TicketScanned} (accepted or rejected, online or offline) and {@code CheckInUndone}. */
    public static final String SCANNING_SCAN = "scanning.scan.v1";

    /** Key: order id. {@code DeliveryStatusChanged}: email/SMS delivery outcomes. */
    public static final String NOTIFICATION_DELIVERY = "notification.delivery.v1";

    /** Key: staff account id. Invitations, password resets, role changes, removals, door devices registered and revoked. */
    public static final String IDENTITY_STAFF = "identity.staff.v1";

    /**
     * The sealed base of the events on each topic. Resolve an {@code eventType} header by matching
     * it against the simple names of the base's {@link Class#getPermittedSubclasses()}.
     */
    public static final Map<String, Class<? extends TaquillaEvent>> EVENTS_BY_TOPIC = Map.of(
            CATALOG_EVENT, CatalogEvent.class,
            ORDERING_ORDER, OrderEvent.class,
            ORDERING_INVENTORY, InventoryEvent.class,
            PAYMENTS_PAYMENT, PaymentEvent.class,
            TICKETING_TICKET, TicketEvent.class,
            TICKETING_SIGNING_KEY, SigningKeyEvent.class,
            SCANNING_SCAN, ScanEvent.class,
            NOTIFICATION_DELIVERY, DeliveryEvent.class,
            IDENTITY_STAFF, StaffEvent.class);

    private Topics() {
    }

    /** Where a consumer parks a message it gave up on after retries. */
    public static String deadLetter(String topic) {
        return topic + ".dlt";
    }
}
