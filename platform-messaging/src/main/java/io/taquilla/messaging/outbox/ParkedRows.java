package io.taquilla.messaging.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The outbox rows the relay parked because Kafka refused them for good, with how many later rows
 * of the same aggregate wait behind each. After a fix (a larger {@code max.request.size}, a
 * created topic, an ACL), {@link #retry} hands a row back to the relay; {@link #discard} deletes
 * it, so the aggregate's later rows flow (the response keeps the payload for the record).
 */
public class ParkedRows {

    public record Parked(UUID id, String topic, String aggregateType, String aggregateId, String type, int attempts,
                         String lastError, Instant createdAt, Instant parkedAt, long heldBack, Integer payloadBytes,
                         String payload) {}

    private static final String SELECT = """
            select o.id, o.topic, o.aggregatetype, o.aggregateid, o.type, o.attempts, o.last_error, o.created_at,
                   o.parked_at, octet_length(o.payload::text) as payload_bytes, %s as payload,
                   (select count(*) from outbox h where h.aggregateid = o.aggregateid and h.published_at is null
                                                    and h.seq > o.seq) as held_back
              from outbox o
             where o.parked_at is not null and o.published_at is null
            """;

    private final Jdbi jdbi;

    public ParkedRows(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<Parked> list() {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT.formatted("null") + " order by o.seq")
                .map(ParkedRows::parked).list());
    }

    public Optional<Parked> show(UUID id) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT.formatted("o.payload::text") + " and o.id = :id")
                .bind("id", id).map(ParkedRows::parked).findOne());
    }

    /** Unparks the row with its attempts reset; empty if no such row is parked. */
    public Optional<Parked> retry(UUID id) {
        Optional<Parked> row = show(id);
        row.ifPresent(parked -> jdbi.useHandle(handle -> handle.createUpdate(
                        "update outbox set parked_at = null, attempts = 0 where id = :id and parked_at is not null")
                .bind("id", id).execute()));
        return row;
    }

    /** Deletes the parked row and returns it (payload included); empty if no such row is parked. */
    public Optional<Parked> discard(UUID id) {
        return jdbi.inTransaction(handle -> {
            Optional<Parked> row = handle.createQuery(SELECT.formatted("o.payload::text") + " and o.id = :id for update of o")
                    .bind("id", id).map(ParkedRows::parked).findOne();
            row.ifPresent(parked -> handle.createUpdate("delete from outbox where id = :id").bind("id", id).execute());
            return row;
        });
    }

    private static Parked parked(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws java.sql.SQLException {
        return new Parked(rs.getObject("id", UUID.class), rs.getString("topic"), rs.getString("aggregatetype"),
                rs.getString("aggregateid"), rs.getString("type"), rs.getInt("attempts"), rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("parked_at").toInstant(),
                rs.getLong("held_back"), (Integer) rs.getObject("payload_bytes"), rs.getString("payload"));
    }
}
