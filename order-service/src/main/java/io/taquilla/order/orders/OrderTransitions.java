package io.taquilla.order.orders;

import io.taquilla.contracts.Topics;
import io.taquilla.contracts.common.Money;
import io.taquilla.contracts.ordering.OrderCancelled;
import io.taquilla.contracts.ordering.OrderConfirmed;
import io.taquilla.contracts.ordering.OrderDisputed;
import io.taquilla.contracts.ordering.OrderExpired;
import io.taquilla.contracts.ordering.OrderRefunded;
import io.taquilla.contracts.ordering.OrderRejected;
import io.taquilla.contracts.ordering.RefundRequested;
import io.taquilla.messaging.outbox.Outbox;
import io.taquilla.order.catalog.EventOffers;
import io.taquilla.order.checkout.domain.EventOffer;
import io.taquilla.order.inventory.InventoryLedger;
import io.taquilla.order.inventory.InventoryLedger.Claim;
import io.taquilla.order.inventory.InventoryPublisher;
import io.taquilla.order.inventory.domain.Shortage;
import io.taquilla.order.orders.domain.OrderStatus;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every change of an existing order: the status, the inventory it owns and the event that tells
 * the other services, written together on the caller's transaction (the order row is locked
 * first). Transitions that do not apply to the order's current status are no-ops that say so,
 * so redelivered and late messages are harmless.
 */
@Component
public class OrderTransitions {

    private static final Logger log = LoggerFactory.getLogger(OrderTransitions.class);

    private final Orders orders;
    private final InventoryLedger ledger;
    private final InventoryPublisher publisher;
    private final EventOffers events;
    private final Outbox outbox;
    private final OrderMetrics metrics;
    private final OrderMoney money;

    public OrderTransitions(Orders orders, InventoryLedger ledger, InventoryPublisher publisher, EventOffers events,
                            Outbox outbox, OrderMetrics metrics, OrderMoney money) {
        this.money = money;
        this.orders = orders;
        this.ledger = ledger;
        this.publisher = publisher;
        this.events = events;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    /**
     * The buyer paid. Units still held become sold; a hold that was lost (expired and taken, or
     * released) is re-acquired if tickets remain; otherwise the order is rejected so payment-service
     * refunds. A payment that does not cover the order, or for a cancelled order or event, is
     * rejected too.
     */
    public OrderStatus paymentSucceeded(Handle handle, UUID orderId, Money amount, String paymentIntentId) {
        StoredOrder order = orders.lock(handle, orderId).orElse(null);
        if (order == null) {
            log.warn("payment {} for unknown order {}", paymentIntentId, orderId);
            return null;
        }
        if (order.status() != OrderStatus.AWAITING_PAYMENT && order.status() != OrderStatus.EXPIRED
                && order.status() != OrderStatus.CANCELLED) {
            log.info("order {} is {}: payment {} changes nothing", orderId, order.status(), paymentIntentId);
            return order.status();
        }
        orders.recordPayment(handle, orderId, paymentIntentId, amount.amountMinor());
        if (amount.amountMinor() != order.totalMinor() || !order.currency().equalsIgnoreCase(amount.currency())) {
            orders.recordFlag(handle, orderId, "paid " + amount.amountMinor() + " " + amount.currency() + ", order total "
                    + order.totalMinor() + " " + order.currency());
            return reject(handle, order, amount, paymentIntentId, "amount-mismatch");
        }
        if (order.status() == OrderStatus.CANCELLED) {
            return reject(handle, order, amount, paymentIntentId, "order-cancelled");
        }
        if (eventCancelled(handle, order)) {
            return reject(handle, order, amount, paymentIntentId, "event-cancelled");
        }
        // Count what the sell really took: its UPDATE locks each unit it sells, and a unit a new
        // buyer claimed meanwhile (the hold ran out) is skipped once that claim commits.
        if (order.status() == OrderStatus.AWAITING_PAYMENT && ledger.sell(handle, orderId) == order.quantity()) {
            return confirm(handle, order, paymentIntentId);
        }
        // The hold is gone, in full or in part: start over and buy at once if enough is left.
        handle.savepoint("reacquire");
        ledger.release(handle, orderId);
        List<Shortage> shortages = ledger.claim(handle, orderId, claims(order), null);
        if (!shortages.isEmpty()) {
            handle.rollbackToSavepoint("reacquire");
            ledger.release(handle, orderId);
            return reject(handle, order, amount, paymentIntentId, "sold-out");
        }
        handle.release("reacquire");
        log.info("order {} paid after its hold was lost; tickets re-acquired", orderId);
        return confirm(handle, order, paymentIntentId);
    }

    /** Marks a held-and-sold order confirmed and tells ticketing to issue its tickets. */
    public OrderStatus confirm(Handle handle, StoredOrder order, String paymentIntentId) {
        orders.changeStatus(handle, order.id(), OrderStatus.CONFIRMED, null);
        EventOffer event = events.find(handle, order.catalogEventId()).orElseThrow();
        outbox.append(handle, Topics.ORDERING_ORDER, new OrderConfirmed(UUID.randomUUID(), Instant.now(), order.id(),
                order.catalogEventId(), event.name(), event.venueName(), event.startsAt(), order.contractLines(),
                order.total(), order.customer(), paymentIntentId, event.venueAddress(), event.venueCity(),
                event.venueTimezone(), order.locale()));
        afterCommit(handle, typesOf(order), metrics::confirmed);
        return OrderStatus.CONFIRMED;
    }

    private OrderStatus reject(Handle handle, StoredOrder order, Money paid, String paymentIntentId, String reason) {
        ledger.release(handle, order.id()); // a rejected order keeps nothing (e.g. an underpaid one still held units)
        orders.changeStatus(handle, order.id(), OrderStatus.REJECTED, reason);
        outbox.append(handle, Topics.ORDERING_ORDER, new OrderRejected(UUID.randomUUID(), Instant.now(), order.id(),
                order.catalogEventId(), order.customer(), paid, paymentIntentId, reason, eventName(handle, order),
                order.locale()));
        afterCommit(handle, typesOf(order), metrics::rejected);
        log.warn("order {} rejected after payment {}: {}", order.id(), paymentIntentId, reason);
        return OrderStatus.REJECTED;
    }

    /** Payment failed or its session expired: an unpaid order gives its hold back. */
    public OrderStatus paymentFailed(Handle handle, UUID orderId, String reason) {
        StoredOrder order = orders.lock(handle, orderId).orElse(null);
        if (order == null || order.status() != OrderStatus.AWAITING_PAYMENT) {
            return order == null ? null : order.status();
        }
        return cancel(handle, order, "payment-failed" + (reason == null || reason.isBlank() ? "" : ": " + reason));
    }

    /** Releases an unpaid order's hold (admin or failed payment). No-op (false) for other statuses. */
    public OrderStatus cancel(Handle handle, StoredOrder order, String reason) {
        if (order.status() != OrderStatus.AWAITING_PAYMENT) {
            return order.status();
        }
        Set<UUID> types = ledger.release(handle, order.id());
        orders.changeStatus(handle, order.id(), OrderStatus.CANCELLED, reason);
        outbox.append(handle, Topics.ORDERING_ORDER, new OrderCancelled(UUID.randomUUID(), Instant.now(), order.id(),
                order.catalogEventId(), order.customer(), reason));
        afterCommit(handle, types, metrics::cancelled);
        return OrderStatus.CANCELLED;
    }

    /** The hold ran out unpaid (order row already locked by the sweeper). */
    public OrderStatus expire(Handle handle, StoredOrder order) {
        if (order.status() != OrderStatus.AWAITING_PAYMENT) {
            return order.status();
        }
        Set<UUID> types = ledger.release(handle, order.id());
        orders.changeStatus(handle, order.id(), OrderStatus.EXPIRED, "hold-expired");
        outbox.append(handle, Topics.ORDERING_ORDER, new OrderExpired(UUID.randomUUID(), Instant.now(), order.id(),
                order.catalogEventId(), order.customer(), eventName(handle, order), order.locale()));
        afterCommit(handle, types.isEmpty() ? typesOf(order) : types, metrics::expired);
        return OrderStatus.EXPIRED;
    }

    /**
     * An admin (or the event cancellation saga) asks for a full refund of a confirmed order: what
     * was paid minus what partial refunds already paid back. Paid orders go through the provider
     * (RefundRequested); a free order has nothing to pay back and is refunded at once.
     */
    public OrderStatus requestRefund(Handle handle, StoredOrder order, String reason) {
        if (order.status() != OrderStatus.CONFIRMED) {
            return order.status();
        }
        if (order.totalMinor() == 0 || order.paymentIntentId() == null) {
            return refunded(handle, order, order.total(), false);
        }
        orders.changeStatus(handle, order.id(), OrderStatus.REFUND_REQUESTED, reason);
        long paid = order.paidMinor() == null ? order.totalMinor() : order.paidMinor();
        long remaining = Math.max(0, paid - money.of(handle, order.id()).refundedMinor());
        outbox.append(handle, Topics.ORDERING_ORDER, new RefundRequested(UUID.randomUUID(), Instant.now(), order.id(),
                new Money(remaining, order.currency()), order.paymentIntentId(), reason));
        return OrderStatus.REFUND_REQUESTED;
    }

    /**
     * The provider paid money back. A partial refund (e.g. a goodwill amount from the Stripe
     * Dashboard) is only recorded: the order stays confirmed and keeps every ticket. A full refund
     * ends the order: tickets are revoked and the units go back on sale.
     */
    public OrderStatus paymentRefunded(Handle handle, UUID orderId, Money amount, boolean automatic) {
        return paymentRefunded(handle, orderId, amount, automatic, amount.amountMinor(), true);
    }

    public OrderStatus paymentRefunded(Handle handle, UUID orderId, Money amount, boolean automatic,
                                       long refundedSoFarMinor, boolean fullyRefunded) {
        StoredOrder order = orders.lock(handle, orderId).orElse(null);
        if (order == null) {
            log.warn("refund for unknown order {}", orderId);
            return null;
        }
        money.recordRefunded(handle, orderId, refundedSoFarMinor);
        if (!fullyRefunded) {
            log.info("order {} partially refunded: {} {} so far; tickets stay valid", orderId, refundedSoFarMinor,
                    amount.currency());
            return order.status();
        }
        if (!order.status().sold() && order.status() != OrderStatus.REJECTED) {
            log.info("order {} is {}: refund changes nothing", orderId, order.status());
            return order.status();
        }
        return refunded(handle, order, amount, automatic || order.status() == OrderStatus.REJECTED);
    }

    private OrderStatus refunded(Handle handle, StoredOrder order, Money amount, boolean automatic) {
        Set<UUID> types = ledger.release(handle, order.id());
        orders.changeStatus(handle, order.id(), OrderStatus.REFUNDED, automatic ? "automatic-refund" : "refunded");
        outbox.append(handle, Topics.ORDERING_ORDER, new OrderRefunded(UUID.randomUUID(), Instant.now(), order.id(),
                order.catalogEventId(), order.customer(), amount, automatic, eventName(handle, order), order.locale(),
                eventCancelled(handle, order) ? OrderRefunded.EVENT_CANCELLED : null));
        afterCommit(handle, types, metrics::refunded);
        return OrderStatus.REFUNDED;
    }

    private String eventName(Handle handle, StoredOrder order) {
        return events.nameOf(handle, order.catalogEventId()).orElse(null);
    }

    /**
     * The buyer's bank disputed the payment, or the dispute closed: recorded on the order (the
     * admin view shows it) and told to ticketing. When a dispute opens on a sold order and
     * {@code revokeOnDispute} holds, its tickets are revoked; a closed dispute, even won, reinstates
     * nothing automatically. The order keeps its status and units: the money is contested, not returned.
     */
    public void paymentDisputed(Handle handle, UUID orderId, String status, String reason, boolean closed,
                                boolean revokeOnDispute) {
        StoredOrder order = orders.lock(handle, orderId).orElse(null);
        if (order == null) {
            log.warn("dispute for unknown order {}", orderId);
            return;
        }
        money.recordDispute(handle, orderId, status, reason);
        boolean revoke = !closed && revokeOnDispute && order.status().sold();
        outbox.append(handle, Topics.ORDERING_ORDER, new OrderDisputed(UUID.randomUUID(), Instant.now(), orderId,
                order.catalogEventId(), status, closed, revoke));
        log.warn("order {} payment dispute {} ({}){}", orderId, closed ? "closed" : "opened", status,
                revoke ? ": tickets revoked" : "");
    }

    private boolean eventCancelled(Handle handle, StoredOrder order) {
        return events.find(handle, order.catalogEventId()).map(e -> EventOffer.CANCELLED.equals(e.status())).orElse(false);
    }

    public static List<Claim> claims(StoredOrder order) {
        return order.lines().stream().map(l -> new Claim(l.ticketTypeId(), l.code(), l.quantity())).toList();
    }

    private static Set<UUID> typesOf(StoredOrder order) {
        return Set.copyOf(order.lines().stream().map(l -> l.ticketTypeId()).toList());
    }

    private void afterCommit(Handle handle, Set<UUID> types, Runnable metric) {
        handle.afterCommit(() -> {
            publisher.touched(types);
            metric.run();
        });
    }
}
