package io.taquilla.order.orders;

import io.taquilla.messaging.EventJson;
import io.taquilla.order.checkout.domain.PricedLine;
import io.taquilla.order.orders.domain.OrderStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

/** The {@code orders} table. Every method runs on the caller's handle (and so its transaction). */
@Component
public class Orders {

    private static final TypeReference<List<PricedLine>> LINES = new TypeReference<>() {};

    /**
     * Inserts the order unless its idempotency key is taken. A concurrent insert with the same key
     * waits on the unique index for the first to commit or roll back, then skips or proceeds.
     */
    public boolean insertIfNewKey(Handle handle, StoredOrder order) {
        return handle.createUpdate("""
                        insert into orders (id, idempotency_key, request_hash, catalog_event_id, status, lines,
                                            total_minor, currency, customer_email, customer_name, customer_phone,
                                            hold_expires_at, locale)
                        values (:id, :key, :hash, :event, :status, cast(:lines as jsonb), :total, :currency,
                                :email, :name, :phone, :holdExpiresAt, :locale)
                        on conflict (idempotency_key) do nothing
                        """)
                .bind("id", order.id())
                .bind("key", order.idempotencyKey())
                .bind("hash", order.requestHash())
                .bind("event", order.catalogEventId())
                .bind("status", order.status().name())
                .bind("lines", EventJson.MAPPER.writeValueAsString(order.lines()))
                .bind("total", order.totalMinor())
                .bind("currency", order.currency())
                .bind("email", order.customerEmail())
                .bind("name", order.customerName())
                .bind("phone", order.customerPhone())
                .bind("holdExpiresAt", order.holdExpiresAt())
                .bind("locale", order.locale())
                .execute() == 1;
    }

    public Optional<StoredOrder> find(Handle handle, UUID id) {
        return handle.createQuery("select * from orders where id = :id").bind("id", id).map(Orders::map).findOne();
    }

    /** Locks the order row: transitions of one order (payment, sweeper, admin) run one at a time. */
    public Optional<StoredOrder> lock(Handle handle, UUID id) {
        return handle.createQuery("select * from orders where id = :id for update").bind("id", id).map(Orders::map).findOne();
    }

    public Optional<StoredOrder> findByKey(Handle handle, String key) {
        return handle.createQuery("select * from orders where idempotency_key = :key").bind("key", key)
                .map(Orders::map).findOne();
    }

    /** Unpaid orders past their hold, locked, skipping ones another sweeper or a payment holds. */
    public List<StoredOrder> lockExpired(Handle handle, int limit) {
        return handle.createQuery("""
                        select * from orders
                         where status = 'AWAITING_PAYMENT' and hold_expires_at <= now()
                         order by hold_expires_at
                         limit :limit
                           for update skip locked
                        """)
                .bind("limit", limit).map(Orders::map).list();
    }

    public void changeStatus(Handle handle, UUID id, OrderStatus status, String reason) {
        handle.createUpdate("update orders set status = :status, status_reason = :reason, updated_at = now() where id = :id")
                .bind("id", id).bind("status", status.name()).bind("reason", reason).execute();
    }

    public void recordPayment(Handle handle, UUID id, String paymentIntentId, long paidMinor) {
        handle.createUpdate("""
                        update orders set payment_intent_id = :intent, paid_minor = :paid, updated_at = now() where id = :id
                        """)
                .bind("id", id).bind("intent", paymentIntentId).bind("paid", paidMinor).execute();
    }

    public void recordCheckout(Handle handle, UUID id, String sessionId, String checkoutUrl) {
        handle.createUpdate("""
                        update orders set checkout_session_id = :session, checkout_url = :url, updated_at = now() where id = :id
                        """)
                .bind("id", id).bind("session", sessionId).bind("url", checkoutUrl).execute();
    }

    public void recordFlag(Handle handle, UUID id, String reason) {
        handle.createUpdate("update orders set flagged_reason = :reason, updated_at = now() where id = :id")
                .bind("id", id).bind("reason", reason).execute();
    }

    static StoredOrder map(ResultSet rs, StatementContext ctx) throws SQLException {
        long paid = rs.getLong("paid_minor");
        Long paidMinor = rs.wasNull() ? null : paid;
        return new StoredOrder(
                rs.getObject("id", UUID.class),
                rs.getString("idempotency_key"),
                rs.getString("request_hash"),
                rs.getObject("catalog_event_id", UUID.class),
                OrderStatus.valueOf(rs.getString("status")),
                EventJson.MAPPER.readValue(rs.getString("lines"), LINES),
                rs.getLong("total_minor"),
                rs.getString("currency"),
                rs.getString("customer_email"),
                rs.getString("customer_name"),
                rs.getString("customer_phone"),
                instant(rs, "hold_expires_at"),
                rs.getString("checkout_url"),
                rs.getString("payment_intent_id"),
                paidMinor,
                rs.getString("flagged_reason"),
                rs.getString("status_reason"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                rs.getString("locale"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
