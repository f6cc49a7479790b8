package io.taquilla.payment.call;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Repository;

/**
 * The {@code stripe_calls} queue. Enqueued in the transaction that decided the call; claimed with
 * a lease ({@code FOR UPDATE SKIP LOCKED}, then {@code locked_until}) so the Stripe request itself
 * runs outside any transaction, and a worker that dies mid-call leaves the row to be retried when
 * the lease runs out, with the same idempotency key.
 */
@Repository
public class StripeCalls {

    private final Jdbi jdbi;

    public StripeCalls(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Returns false when the same call (same idempotency key) is already queued or done. */
    public boolean enqueue(Handle handle, UUID orderId, StripeCall.Operation operation) {
        return handle.createUpdate("""
                        insert into stripe_calls (id, order_id, operation, idempotency_key)
                        values (:id, :orderId, :operation, :key)
                        on conflict (idempotency_key) do nothing
                        """)
                .bind("id", UUID.randomUUID())
                .bind("orderId", orderId)
                .bind("operation", operation.name())
                .bind("key", operation.idempotencyKey(orderId))
                .execute() == 1;
    }

    public Optional<StripeCall> claim(Duration lease) {
        return jdbi.inTransaction(handle -> handle.createQuery("""
                        update stripe_calls set locked_until = clock_timestamp() + cast(:lease as interval),
                                                attempts = attempts + 1
                         where id = (select id from stripe_calls
                                      where outcome is null and next_attempt_at <= clock_timestamp()
                                        and (locked_until is null or locked_until < clock_timestamp())
                                      order by next_attempt_at
                                      limit 1
                                        for update skip locked)
                        returning id, order_id, operation, idempotency_key, attempts
                        """)
                .bind("lease", lease.toMillis() + " milliseconds")
                .map((rs, ctx) -> new StripeCall(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
                        StripeCall.Operation.valueOf(rs.getString("operation")), rs.getString("idempotency_key"),
                        rs.getInt("attempts")))
                .findOne());
    }

    public void complete(Handle handle, UUID id, StripeCall.Outcome outcome, String error) {
        handle.createUpdate("""
                        update stripe_calls set outcome = :outcome, last_error = coalesce(:error, last_error),
                               completed_at = clock_timestamp(), locked_until = null
                         where id = :id
                        """)
                .bind("outcome", outcome.column()).bind("error", error).bind("id", id).execute();
    }

    public void complete(UUID id, StripeCall.Outcome outcome, String error) {
        jdbi.useHandle(handle -> complete(handle, id, outcome, error));
    }

    /** Keeps the call and tries again after {@code delay}: an outage delays work, never drops it. */
    public void retryLater(UUID id, Duration delay, String error) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        update stripe_calls set next_attempt_at = clock_timestamp() + cast(:delay as interval),
                               locked_until = null, last_error = :error
                         where id = :id
                        """)
                .bind("delay", delay.toMillis() + " milliseconds").bind("error", error).bind("id", id).execute());
    }

    /** Calls still waiting, and the age of the oldest, for the backlog gauges. */
    public long[] backlog() {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        select count(*) as pending,
                               coalesce(extract(epoch from clock_timestamp() - min(created_at)) * 1000, 0)::bigint as age
                          from stripe_calls where outcome is null
                        """)
                .map((rs, ctx) -> new long[] {rs.getLong("pending"), rs.getLong("age")})
                .one());
    }
}
