package io.taquilla.payment.attempt;

import io.taquilla.contracts.common.Money;
import io.taquilla.contracts.ordering.OrderLine;
import io.taquilla.messaging.EventJson;
import io.taquilla.payment.attempt.domain.PaymentStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** SQL for {@code payment_attempts}; every method runs on the caller's handle (transaction). */
@Repository
public class PaymentAttempts {

    private static final String COLUMNS = """
            order_id, catalog_event_id, amount_minor, currency, customer_email, lines::text as lines,
            hold_expires_at, session_expires_at, status, session_id, checkout_url, payment_intent_id
            """;

    public boolean insert(Handle handle, PaymentAttempt attempt) {
        return handle.createUpdate("""
                        insert into payment_attempts (order_id, catalog_event_id, amount_minor, currency, customer_email,
                                                      lines, hold_expires_at, session_expires_at, status)
                        values (:orderId, :catalogEventId, :amount, :currency, :email, cast(:lines as jsonb),
                                :holdExpiresAt, :sessionExpiresAt, :status)
                        on conflict (order_id) do nothing
                        """)
                .bind("orderId", attempt.orderId())
                .bind("catalogEventId", attempt.catalogEventId())
                .bind("amount", attempt.amount().amountMinor())
                .bind("currency", attempt.amount().currency())
                .bind("email", attempt.customerEmail())
                .bind("lines", EventJson.MAPPER.writeValueAsString(attempt.lines()))
                .bind("holdExpiresAt", timestamp(attempt.holdExpiresAt()))
                .bind("sessionExpiresAt", timestamp(attempt.sessionExpiresAt()))
                .bind("status", attempt.status().name())
                .execute() == 1;
    }

    public Optional<PaymentAttempt> find(Handle handle, UUID orderId) {
        return handle.createQuery("select " + COLUMNS + " from payment_attempts where order_id = :orderId")
                .bind("orderId", orderId).map(PaymentAttempts::map).findOne();
    }

    /** Locks the row so that concurrent signals for one order apply one after the other. */
    public Optional<PaymentAttempt> lock(Handle handle, UUID orderId) {
        return handle.createQuery("select " + COLUMNS + " from payment_attempts where order_id = :orderId for update")
                .bind("orderId", orderId).map(PaymentAttempts::map).findOne();
    }

    public Optional<UUID> orderOfSession(Handle handle, String sessionId) {
        return handle.createQuery("select order_id from payment_attempts where session_id = :id")
                .bind("id", sessionId).mapTo(UUID.class).findOne();
    }

    public Optional<UUID> orderOfPaymentIntent(Handle handle, String paymentIntentId) {
        return handle.createQuery("select order_id from payment_attempts where payment_intent_id = :id")
                .bind("id", paymentIntentId).mapTo(UUID.class).findFirst();
    }

    public void updateStatus(Handle handle, UUID orderId, PaymentStatus status) {
        handle.createUpdate("update payment_attempts set status = :status, updated_at = clock_timestamp() where order_id = :orderId")
                .bind("status", status.name()).bind("orderId", orderId).execute();
    }

    public void recordSession(Handle handle, UUID orderId, String sessionId, String url, Instant expiresAt) {
        handle.createUpdate("""
                        update payment_attempts set session_id = :sessionId, checkout_url = :url,
                               session_expires_at = :expiresAt, updated_at = clock_timestamp()
                         where order_id = :orderId
                        """)
                .bind("sessionId", sessionId).bind("url", url).bind("expiresAt", timestamp(expiresAt))
                .bind("orderId", orderId).execute();
    }

    public void recordCapture(Handle handle, UUID orderId, String paymentIntentId, Money received) {
        handle.createUpdate("""
                        update payment_attempts set payment_intent_id = coalesce(:pi, payment_intent_id),
                               received_amount_minor = :amount, received_currency = :currency, updated_at = clock_timestamp()
                         where order_id = :orderId
                        """)
                .bind("pi", paymentIntentId).bind("amount", received.amountMinor())
                .bind("currency", received.currency()).bind("orderId", orderId).execute();
    }

    /** What was refunded so far and what was captured (the order amount until a capture is recorded). */
    public record RefundState(long refundedMinor, long capturedMinor) {}

    public RefundState refundState(Handle handle, UUID orderId) {
        return handle.createQuery("""
                        select refunded_minor, coalesce(received_amount_minor, amount_minor) as captured_minor
                          from payment_attempts where order_id = :orderId
                        """)
                .bind("orderId", orderId)
                .map((rs, ctx) -> new RefundState(rs.getLong("refunded_minor"), rs.getLong("captured_minor"))).one();
    }

    public void recordRefunded(Handle handle, UUID orderId, long refundedMinor) {
        handle.createUpdate("""
                        update payment_attempts set refunded_minor = greatest(refunded_minor, :refunded),
                               updated_at = clock_timestamp()
                         where order_id = :orderId
                        """)
                .bind("refunded", refundedMinor).bind("orderId", orderId).execute();
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static PaymentAttempt map(ResultSet rs, StatementContext ctx) throws SQLException {
        List<OrderLine> lines = EventJson.MAPPER.readValue(rs.getString("lines"), new TypeReference<List<OrderLine>>() {});
        return new PaymentAttempt(rs.getObject("order_id", UUID.class), rs.getObject("catalog_event_id", UUID.class),
                new Money(rs.getLong("amount_minor"), rs.getString("currency")), rs.getString("customer_email"), lines,
                instant(rs, "hold_expires_at"), instant(rs, "session_expires_at"),
                PaymentStatus.valueOf(rs.getString("status")), rs.getString("session_id"), rs.getString("checkout_url"),
                rs.getString("payment_intent_id"));
    }
}
