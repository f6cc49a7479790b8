package io.taquilla.payment.refund;

import io.taquilla.contracts.common.Money;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.springframework.stereotype.Repository;

/** SQL for {@code refunds}, on the caller's handle. */
@Repository
public class Refunds {

    private static final String COLUMNS =
            "order_id, amount_minor, currency, payment_intent_id, reason, automatic, status, stripe_refund_id";

    public boolean insert(Handle handle, Refund refund, UUID requestedBy) {
        return handle.createUpdate("""
                        insert into refunds (order_id, amount_minor, currency, payment_intent_id, reason, automatic,
                                             requested_by, status)
                        values (:orderId, :amount, :currency, :pi, :reason, :automatic, :requestedBy, :status)
                        on conflict (order_id) do nothing
                        """)
                .bind("orderId", refund.orderId()).bind("amount", refund.amount().amountMinor())
                .bind("currency", refund.amount().currency()).bind("pi", refund.paymentIntentId())
                .bind("reason", refund.reason()).bind("automatic", refund.automatic())
                .bind("requestedBy", requestedBy).bind("status", refund.status())
                .execute() == 1;
    }

    public Optional<Refund> find(Handle handle, UUID orderId) {
        return handle.createQuery("select " + COLUMNS + " from refunds where order_id = :orderId")
                .bind("orderId", orderId).map(Refunds::map).findOne();
    }

    public Optional<Refund> findByPaymentIntent(Handle handle, String paymentIntentId) {
        return handle.createQuery("select " + COLUMNS + " from refunds where payment_intent_id = :pi for update")
                .bind("pi", paymentIntentId).map(Refunds::map).findFirst();
    }

    public void submitted(Handle handle, UUID orderId, String stripeRefundId) {
        handle.createUpdate("""
                        update refunds set status = case when status = 'requested' then 'submitted' else status end,
                               stripe_refund_id = coalesce(stripe_refund_id, :refundId), submitted_at = clock_timestamp()
                         where order_id = :orderId
                        """)
                .bind("refundId", stripeRefundId).bind("orderId", orderId).execute();
    }

    public void confirmed(Handle handle, UUID orderId, String stripeRefundId) {
        handle.createUpdate("""
                        update refunds set status = 'succeeded', stripe_refund_id = coalesce(stripe_refund_id, :refundId),
                               confirmed_at = clock_timestamp()
                         where order_id = :orderId
                        """)
                .bind("refundId", stripeRefundId).bind("orderId", orderId).execute();
    }

    public void rejected(Handle handle, UUID orderId, String error) {
        handle.createUpdate("update refunds set status = 'rejected', last_error = :error where order_id = :orderId and status <> 'succeeded'")
                .bind("error", error).bind("orderId", orderId).execute();
    }

    private static Refund map(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws java.sql.SQLException {
        return new Refund(rs.getObject("order_id", UUID.class), new Money(rs.getLong("amount_minor"), rs.getString("currency")),
                rs.getString("payment_intent_id"), rs.getString("reason"), rs.getBoolean("automatic"),
                rs.getString("status"), rs.getString("stripe_refund_id"));
    }
}
