package io.taquilla.order.cancellation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.springframework.stereotype.Component;

/** SQL for the event cancellation saga's state ({@code event_cancellation*}), on the caller's transaction. */
@Component
public class CancellationProgress {

    public static final String HOLD_RELEASED = "HOLD_RELEASED";
    public static final String REFUND_REQUESTED = "REFUND_REQUESTED";
    public static final String REFUNDED = "REFUNDED";
    public static final String FAILED = "FAILED";

    /** Counts by state, and the orders whose refund failed. */
    public record Report(UUID eventId, Instant startedAt, int holdsReleased, int ordersToRefund, int refundRequested,
                         int refunded, int failed, boolean complete, List<Failure> failures) {}

    public record Failure(UUID orderId, String reason, Instant at) {}

    /** True the first time: a repeated EventCancelled resumes the saga rather than starting a second. */
    boolean start(Handle handle, UUID eventId) {
        return handle.createUpdate("insert into event_cancellation (catalog_event_id) values (:e) on conflict do nothing")
                .bind("e", eventId).execute() == 1;
    }

    /** Orders of the event the saga has not settled yet, oldest first. */
    List<UUID> unsettledOrders(Handle handle, UUID eventId) {
        return handle.createQuery("""
                        select o.id from orders o
                         where o.catalog_event_id = :e
                           and o.status in ('AWAITING_PAYMENT', 'CONFIRMED', 'REFUND_REQUESTED')
                           and not exists (select 1 from event_cancellation_order c where c.order_id = o.id)
                         order by o.created_at
                        """)
                .bind("e", eventId).mapTo(UUID.class).list();
    }

    void record(Handle handle, UUID eventId, UUID orderId, String state) {
        handle.createUpdate("""
                        insert into event_cancellation_order (order_id, catalog_event_id, state)
                        values (:o, :e, :s)
                        on conflict (order_id) do nothing
                        """)
                .bind("o", orderId).bind("e", eventId).bind("s", state).execute();
    }

    /** The provider confirmed the refund of an order the saga asked for (no-op for other orders). */
    public void refunded(Handle handle, UUID orderId) {
        handle.createUpdate("""
                        update event_cancellation_order set state = 'REFUNDED', detail = null, updated_at = now()
                         where order_id = :o and state in ('REFUND_REQUESTED', 'FAILED')
                        """)
                .bind("o", orderId).execute();
    }

    /** The provider refused the refund: listed as a failure until someone settles it. */
    public void failed(Handle handle, UUID orderId, String reason) {
        handle.createUpdate("""
                        update event_cancellation_order set state = 'FAILED', detail = :d, updated_at = now()
                         where order_id = :o and state = 'REFUND_REQUESTED'
                        """)
                .bind("o", orderId).bind("d", reason).execute();
    }

    Optional<Report> report(Handle handle, UUID eventId) {
        Optional<Instant> started = handle.createQuery(
                        "select started_at from event_cancellation where catalog_event_id = :e")
                .bind("e", eventId).mapTo(Instant.class).findOne();
        if (started.isEmpty()) {
            return Optional.empty();
        }
        int[] counts = new int[4];
        handle.createQuery("""
                        select state, count(*) as n from event_cancellation_order where catalog_event_id = :e group by state
                        """)
                .bind("e", eventId)
                .map((rs, ctx) -> {
                    int n = rs.getInt("n");
                    switch (rs.getString("state")) {
                        case HOLD_RELEASED -> counts[0] = n;
                        case REFUND_REQUESTED -> counts[1] = n;
                        case REFUNDED -> counts[2] = n;
                        default -> counts[3] = n;
                    }
                    return n;
                }).list();
        List<Failure> failures = handle.createQuery("""
                        select order_id, detail, updated_at from event_cancellation_order
                         where catalog_event_id = :e and state = 'FAILED' order by updated_at
                        """)
                .bind("e", eventId)
                .map((rs, ctx) -> new Failure(rs.getObject("order_id", UUID.class), rs.getString("detail"),
                        rs.getObject("updated_at", java.time.OffsetDateTime.class).toInstant()))
                .list();
        int toRefund = counts[1] + counts[2] + counts[3];
        return Optional.of(new Report(eventId, started.get(), counts[0], toRefund, counts[1], counts[2], counts[3],
                counts[2] == toRefund, failures));
    }
}
