package io.taquilla.order.expiry;

import io.taquilla.order.inventory.Capacity;
import io.taquilla.order.orders.OrderMetrics;
import io.taquilla.order.orders.OrderTransitions;
import io.taquilla.order.orders.Orders;
import io.taquilla.order.orders.StoredOrder;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code sweep-interval} (default 1 s): expires unpaid orders past their hold (releasing
 * what they still hold and publishing OrderExpired), trims ticket types whose capacity was cut,
 * and refreshes the active-holds gauge. Buyers never wait for it: the claim query already treats
 * expired holds as free. Orders are locked with SKIP LOCKED, so several instances share the work.
 */
@Component
public class HoldSweeper {

    private static final Logger log = LoggerFactory.getLogger(HoldSweeper.class);
    private static final int BATCH = 200;

    private final Jdbi jdbi;
    private final Orders orders;
    private final OrderTransitions transitions;
    private final Capacity capacity;
    private final OrderMetrics metrics;

    HoldSweeper(Jdbi jdbi, Orders orders, OrderTransitions transitions, Capacity capacity, OrderMetrics metrics) {
        this.jdbi = jdbi;
        this.orders = orders;
        this.transitions = transitions;
        this.capacity = capacity;
        this.metrics = metrics;
    }

    @Scheduled(fixedDelayString = "${taquilla.orders.sweep-interval:1s}")
    public void sweep() {
        try {
            int expired = expireDue();
            if (expired > 0) {
                log.info("expired {} unpaid orders", expired);
            }
            trimCutCapacities();
            metrics.activeHolds(jdbi.withHandle(h -> h.createQuery(
                    "select count(*) from inventory_unit where state = 'HELD' and hold_expires_at > clock_timestamp()")
                    .mapTo(Long.class).one()));
        } catch (RuntimeException e) {
            log.warn("hold sweep failed, next round retries: {}", e.toString());
        }
    }

    /** Expires every order due now, in batches; returns how many. */
    public int expireDue() {
        int total = 0;
        while (true) {
            int expired = jdbi.inTransaction(h -> {
                List<StoredOrder> due = orders.lockExpired(h, BATCH);
                due.forEach(order -> transitions.expire(h, order));
                return due.size();
            });
            total += expired;
            if (expired < BATCH) {
                return total;
            }
        }
    }

    private void trimCutCapacities() {
        List<UUID> cut = jdbi.withHandle(h -> h.createQuery("select id from ticket_type where unit_count > capacity")
                .mapTo(UUID.class).list());
        cut.forEach(type -> jdbi.useTransaction(h -> capacity.trimExcess(h, type)));
    }
}
