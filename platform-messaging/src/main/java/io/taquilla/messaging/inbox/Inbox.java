package io.taquilla.messaging.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a consumer's effect at most once per {@code (consumer, eventId)}. The inbox row and the
 * effect commit in one transaction; a redelivered event finds the row and is skipped. Two
 * concurrent deliveries of one event serialise on the primary key: the second waits for the
 * first to commit, then sees the conflict and skips.
 */
public class Inbox {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    private final Jdbi jdbi;
    private final MeterRegistry meters;

    public Inbox(Jdbi jdbi, MeterRegistry meters) {
        this.jdbi = jdbi;
        this.meters = meters;
    }

    /**
     * Runs {@code effect} in a transaction unless {@code consumer} has already processed
     * {@code eventId}. Returns {@code false} for a duplicate. If the effect throws, nothing is
     * recorded and the exception propagates, so the delivery is retried.
     */
    public <X extends Exception> boolean handleOnce(String consumer, UUID eventId, String topic, String eventType,
                                                    HandleConsumer<X> effect) throws X {
        // Registered on first use, not first duplicate, so dashboards see a 0 rather than nothing.
        Counter duplicates = duplicates(consumer);
        return jdbi.inTransaction(handle -> {
            if (!record(handle, consumer, eventId, topic, eventType)) {
                duplicates.increment();
                log.debug("{} skipped duplicate {} {}", consumer, eventType, eventId);
                return false;
            }
            effect.useHandle(handle);
            return true;
        });
    }

    /** Records the event on the caller's transaction; {@code false} if it was already there. */
    public boolean record(Handle handle, String consumer, UUID eventId, String topic, String eventType) {
        return handle.createUpdate("""
                        insert into inbox (consumer, event_id, topic, event_type) values (:consumer, :eventId, :topic, :type)
                        on conflict do nothing
                        """)
                .bind("consumer", consumer)
                .bind("eventId", eventId)
                .bind("topic", topic)
                .bind("type", eventType)
                .execute() == 1;
    }

    private Counter duplicates(String consumer) {
        return Counter.builder("taquilla.inbox.duplicates")
                .description("Redelivered events skipped by the idempotent inbox")
                .tag("consumer", consumer)
                .register(meters);
    }
}
