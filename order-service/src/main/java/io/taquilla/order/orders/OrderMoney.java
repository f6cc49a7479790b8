package io.taquilla.order.orders;

import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.springframework.stereotype.Component;

/** What happened to an order's money after it was paid: partial refunds and disputes (columns of {@code orders}). */
@Component
public class OrderMoney {

    public record State(long refundedMinor, String disputeStatus, String disputeReason) {}

    public State of(Handle handle, UUID orderId) {
        return handle.createQuery("select refunded_minor, dispute_status, dispute_reason from orders where id = :id")
                .bind("id", orderId)
                .map((rs, ctx) -> new State(rs.getLong("refunded_minor"), rs.getString("dispute_status"),
                        rs.getString("dispute_reason")))
                .one();
    }

    /** {@code refundedSoFar} is cumulative (as the provider reports it), so replays and reordering are harmless. */
    void recordRefunded(Handle handle, UUID orderId, long refundedSoFar) {
        handle.createUpdate("""
                        update orders set refunded_minor = greatest(refunded_minor, :r), updated_at = now() where id = :id
                        """)
                .bind("r", refundedSoFar).bind("id", orderId).execute();
    }

    void recordDispute(Handle handle, UUID orderId, String status, String reason) {
        handle.createUpdate("""
                        update orders set dispute_status = :s, dispute_reason = :r, updated_at = now() where id = :id
                        """)
                .bind("s", status).bind("r", reason).bind("id", orderId).execute();
    }
}
