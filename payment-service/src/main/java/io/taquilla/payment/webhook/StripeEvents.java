package io.taquilla.payment.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Repository;

/** SQL for {@code stripe_events}: the raw webhooks, stored once each, and their processing state. */
@Repository
public class StripeEvents {

    /** A stored webhook waiting to be applied. */
    public record Pending(String id, String type, String payload, int attempts) {}

    /** A processed webhook whose payment event has reached Kafka. */
    record Published(String id, Instant receivedAt, Instant publishedAt) {}

    private final Jdbi jdbi;

    public StripeEvents(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Stores the webhook unless its Stripe event id is already there; false for a duplicate. */
    public boolean storeOnce(VerifiedWebhook webhook) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        insert into stripe_events (id, type, livemode, order_id, payload)
                        values (:id, :type, :livemode, :orderId, :payload)
                        on conflict (id) do nothing
                        """)
                .bind("id", webhook.eventId()).bind("type", webhook.type()).bind("livemode", webhook.livemode())
                .bind("orderId", webhook.orderIdHint()).bind("payload", webhook.payload())
                .execute() == 1);
    }

    /** The oldest due webhook, locked for this transaction (other processors skip it). */
    public Optional<Pending> claim(Handle handle) {
        return handle.createQuery("""
                        select id, type, payload, attempts from stripe_events
                         where processed_at is null and next_attempt_at <= clock_timestamp()
                         order by received_at
                         limit 1
                           for update skip locked
                        """)
                .map((rs, ctx) -> new Pending(rs.getString("id"), rs.getString("type"), rs.getString("payload"),
                        rs.getInt("attempts")))
                .findOne();
    }

    public void processed(Handle handle, String id, UUID orderId, String outcome, String detail, UUID publishedEventId) {
        handle.createUpdate("""
                        update stripe_events set processed_at = clock_timestamp(), order_id = coalesce(:orderId, order_id),
                               outcome = :outcome, detail = :detail, published_event_id = :published,
                               attempts = attempts + 1
                         where id = :id
                        """)
                .bind("orderId", orderId).bind("outcome", outcome).bind("detail", detail)
                .bind("published", publishedEventId).bind("id", id).execute();
    }

    public void retryLater(String id, Duration delay, String error) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        update stripe_events set attempts = attempts + 1, detail = :error,
                               next_attempt_at = clock_timestamp() + cast(:delay as interval)
                         where id = :id
                        """)
                .bind("error", error).bind("delay", delay.toMillis() + " milliseconds").bind("id", id).execute());
    }

    /**
     * Webhooks whose payment event the outbox relay has published since the last look, marked so
     * each is measured once.
     */
    List<Published> takeNewlyPublished() {
        return jdbi.inTransaction(handle -> {
            List<Published> rows = handle.createQuery("""
                            select e.id, e.received_at, o.published_at
                              from stripe_events e join outbox o on o.id = e.published_event_id
                             where e.published_event_id is not null and not e.latency_recorded
                               and o.published_at is not null
                             limit 1000
                               for update of e skip locked
                            """)
                    .map((rs, ctx) -> new Published(rs.getString("id"),
                            rs.getObject("received_at", OffsetDateTime.class).toInstant(),
                            rs.getObject("published_at", OffsetDateTime.class).toInstant()))
                    .list();
            if (!rows.isEmpty()) {
                handle.createUpdate("update stripe_events set latency_recorded = true where id in (<ids>)")
                        .bindList("ids", rows.stream().map(Published::id).toList()).execute();
            }
            return rows;
        });
    }
}
