package io.taquilla.order.orders;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * {@code taquilla.orders.placed|confirmed|expired|rejected|cancelled|refunded} counters and the
 * {@code taquilla.orders.active.holds} gauge (units held and not yet expired, refreshed by the sweeper).
 */
@Component
public class OrderMetrics {

    private final Counter placed;
    private final Counter confirmed;
    private final Counter expired;
    private final Counter rejected;
    private final Counter cancelled;
    private final Counter refunded;
    private final Counter soldOut;
    private final AtomicLong activeHolds = new AtomicLong();

    public OrderMetrics(MeterRegistry meters) {
        placed = counter(meters, "placed", "Orders created (holding inventory or confirmed free)");
        confirmed = counter(meters, "confirmed", "Orders paid (or free) and sold");
        expired = counter(meters, "expired", "Unpaid orders whose hold ran out");
        rejected = counter(meters, "rejected", "Paid orders refused: paid after expiry with nothing left, or cancelled");
        cancelled = counter(meters, "cancelled", "Unpaid orders cancelled (payment failed or admin)");
        refunded = counter(meters, "refunded", "Orders refunded");
        soldOut = Counter.builder("taquilla.orders.sold.out").description("Order attempts refused for lack of tickets")
                .register(meters);
        meters.gauge("taquilla.orders.active.holds", activeHolds);
    }

    private static Counter counter(MeterRegistry meters, String outcome, String description) {
        return Counter.builder("taquilla.orders." + outcome).description(description).register(meters);
    }

    public void placed() {
        placed.increment();
    }

    public void confirmed() {
        confirmed.increment();
    }

    public void expired() {
        expired.increment();
    }

    public void rejected() {
        rejected.increment();
    }

    public void cancelled() {
        cancelled.increment();
    }

    public void refunded() {
        refunded.increment();
    }

    public void soldOut() {
        soldOut.increment();
    }

    public void activeHolds(long units) {
        activeHolds.set(units);
    }
}
