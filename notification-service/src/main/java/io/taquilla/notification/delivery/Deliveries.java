package io.taquilla.notification.delivery;

import io.taquilla.notification.delivery.domain.Channel;
import io.taquilla.notification.delivery.domain.DeliveryKind;
import io.taquilla.notification.delivery.domain.DeliveryStatus;
import io.taquilla.notification.delivery.domain.PlannedDelivery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** The SQL of the {@code delivery} and {@code delivery_attempt} tables, on the caller's handle. */
public final class Deliveries {

    private static final String COLUMNS = """
            id, order_id, kind, channel, recipient, status, attempts, resends, next_attempt_at, source_event_id,
            source_event_type, payload::text as payload, last_error, provider_id, created_at, updated_at, sent_at
            """;

    private static final String CLAIMED_COLUMNS = """
            d.id, d.order_id, d.kind, d.channel, d.recipient, d.status, d.attempts, d.resends, d.next_attempt_at,
            d.source_event_id, d.source_event_type, d.payload::text as payload, d.last_error, d.provider_id,
            d.created_at, d.updated_at, d.sent_at
            """;

    private Deliveries() {
    }

    /** Inserts the delivery unless this order already has one of this kind on this channel. */
    public static boolean insertOnce(Handle handle, PlannedDelivery planned, UUID sourceEventId, String sourceEventType,
                                     String payload) {
        return handle.createUpdate("""
                        insert into delivery (id, order_id, kind, channel, recipient, source_event_id, source_event_type, payload)
                        values (:id, :orderId, :kind, :channel, :recipient, :eventId, :eventType, cast(:payload as jsonb))
                        on conflict (order_id, kind, channel) do nothing
                        """)
                .bind("id", UUID.randomUUID())
                .bind("orderId", planned.orderId())
                .bind("kind", planned.kind().name())
                .bind("channel", planned.channel().name())
                .bind("recipient", planned.recipient())
                .bind("eventId", sourceEventId)
                .bind("eventType", sourceEventType)
                .bind("payload", payload)
                .execute() == 1;
    }

    /**
     * Claims up to {@code limit} due deliveries — waiting ones, and SENDING ones whose claim lapsed
     * (the sender crashed) — skipping rows another dispatcher holds. They become SENDING with one
     * more attempt and a claim that lapses after {@code lease}; the caller commits before sending.
     */
    public static List<Delivery> claimDue(Handle handle, int limit, Duration lease) {
        return handle.createQuery("""
                        with due as (
                            select id from delivery
                             where status in ('PENDING', 'RETRYING', 'SENDING')
                               and next_attempt_at <= clock_timestamp()
                             order by next_attempt_at
                             limit :limit
                               for update skip locked)
                        update delivery d
                           set status = 'SENDING', attempts = d.attempts + 1, updated_at = clock_timestamp(),
                               next_attempt_at = clock_timestamp() + cast(:lease as interval)
                          from due
                         where d.id = due.id
                        returning\s""" + CLAIMED_COLUMNS)
                .bind("limit", limit)
                .bind("lease", lease.toMillis() + " milliseconds")
                .map(Deliveries::map)
                .list();
    }

    /**
     * Moves a delivery this dispatcher claimed (status SENDING, attempt {@code attempt}) to its
     * outcome. Returns the updated row, or empty when the claim lapsed and another dispatcher took it.
     */
    public static Optional<Delivery> complete(Handle handle, UUID id, int attempt, DeliveryStatus status,
                                              Instant nextAttemptAt, String error, String providerId, int attemptsAfter) {
        return handle.createQuery("""
                        update delivery
                           set status = :status, updated_at = clock_timestamp(),
                               next_attempt_at = coalesce(:next, next_attempt_at),
                               last_error = :error,
                               provider_id = coalesce(:providerId, provider_id),
                               sent_at = case when :status = 'SENT' then clock_timestamp() else sent_at end,
                               attempts = :attemptsAfter
                         where id = :id and status = 'SENDING' and attempts = :attempt
                        returning\s""" + COLUMNS)
                .bind("status", status.name())
                .bind("next", nextAttemptAt == null ? null : Timestamp.from(nextAttemptAt))
                .bind("error", error)
                .bind("providerId", providerId)
                .bind("attemptsAfter", attemptsAfter)
                .bind("id", id)
                .bind("attempt", attempt)
                .map(Deliveries::map)
                .findOne();
    }

    public static void logAttempt(Handle handle, UUID deliveryId, int attempt, Instant startedAt, DeliveryStatus outcome,
                                  String detail) {
        handle.createUpdate("""
                        insert into delivery_attempt (delivery_id, attempt, started_at, outcome, detail)
                        values (:id, :attempt, :startedAt, :outcome, :detail)
                        """)
                .bind("id", deliveryId)
                .bind("attempt", attempt)
                .bind("startedAt", Timestamp.from(startedAt))
                .bind("outcome", outcome.name())
                .bind("detail", detail)
                .execute();
    }

    /** An admin resend: back to PENDING with a fresh attempt budget, unless it is being sent right now. */
    public static Optional<Delivery> requeue(Handle handle, UUID id) {
        return handle.createQuery("""
                        update delivery
                           set status = 'PENDING', attempts = 0, resends = resends + 1, last_error = null,
                               next_attempt_at = clock_timestamp(), updated_at = clock_timestamp()
                         where id = :id and status <> 'SENDING'
                        returning\s""" + COLUMNS)
                .bind("id", id)
                .map(Deliveries::map)
                .findOne();
    }

    public static Optional<Delivery> find(Handle handle, UUID id) {
        return handle.createQuery("select " + COLUMNS + " from delivery where id = :id")
                .bind("id", id)
                .map(Deliveries::map)
                .findOne();
    }

    public static List<Delivery> forOrder(Handle handle, UUID orderId) {
        return handle.createQuery("select " + COLUMNS + " from delivery where order_id = :orderId order by created_at, channel")
                .bind("orderId", orderId)
                .map(Deliveries::map)
                .list();
    }

    /** The event name of the order, if its tickets were issued: refund emails name the event when they can. */
    public static Optional<String> eventNameOf(Handle handle, UUID orderId) {
        return handle.createQuery("""
                        select payload ->> 'eventName' from delivery
                         where order_id = :orderId and kind = 'TICKETS' and payload ->> 'eventName' is not null
                         limit 1
                        """)
                .bind("orderId", orderId)
                .mapTo(String.class)
                .findOne();
    }

    public static long countDue(Handle handle) {
        return handle.createQuery("""
                        select count(*) from delivery
                         where status in ('PENDING', 'RETRYING', 'SENDING') and next_attempt_at <= clock_timestamp()
                        """)
                .mapTo(Long.class)
                .one();
    }

    public record AttemptRow(int attempt, Instant startedAt, Instant finishedAt, String outcome, String detail) {}

    public static List<AttemptRow> attempts(Handle handle, UUID deliveryId) {
        return handle.createQuery("""
                        select attempt, started_at, finished_at, outcome, detail from delivery_attempt
                         where delivery_id = :id order by id
                        """)
                .bind("id", deliveryId)
                .map((rs, ctx) -> new AttemptRow(rs.getInt("attempt"), instant(rs, "started_at"),
                        instant(rs, "finished_at"), rs.getString("outcome"), rs.getString("detail")))
                .list();
    }

    static Delivery map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Delivery(
                rs.getObject("id", UUID.class),
                rs.getObject("order_id", UUID.class),
                DeliveryKind.valueOf(rs.getString("kind")),
                Channel.valueOf(rs.getString("channel")),
                rs.getString("recipient"),
                DeliveryStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                rs.getInt("resends"),
                instant(rs, "next_attempt_at"),
                rs.getObject("source_event_id", UUID.class),
                rs.getString("source_event_type"),
                rs.getString("payload"),
                rs.getString("last_error"),
                rs.getString("provider_id"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "sent_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
