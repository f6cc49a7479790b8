package io.taquilla.messaging.outbox;

import io.taquilla.contracts.TaquillaEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.slf4j.MDC;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes events to the outbox table on the caller's {@link Handle}, so they commit or roll back
 * with the business change. Nothing here talks to Kafka; {@link OutboxRelay} does that later.
 */
public class Outbox {

    /** MDC key whose value (if any) travels as the {@code correlationId} Kafka header. */
    public static final String CORRELATION_ID = "correlationId";

    /** Room left in a request for the record's key, headers and framing: far more than they take. */
    public static final int HEADROOM_BYTES = 16 * 1024;

    /** Kafka's default {@code max.request.size} less the headroom. */
    public static final int DEFAULT_MAX_EVENT_BYTES = 1_048_576 - HEADROOM_BYTES;

    private final JsonMapper json;
    private final int maxEventBytes;

    public Outbox(JsonMapper json) {
        this(json, DEFAULT_MAX_EVENT_BYTES);
    }

    /** @param maxEventBytes the largest payload accepted: the producer's max.request.size less headroom */
    public Outbox(JsonMapper json, int maxEventBytes) {
        this.json = json;
        this.maxEventBytes = maxEventBytes;
    }

    /**
     * Appends {@code event} for {@code topic}, keyed by {@link TaquillaEvent#aggregateId()}.
     *
     * @throws EventTooLargeException if its JSON exceeds what the producer may send: refused here,
     *         with the business change, rather than stopping the relay later
     */
    public void append(Handle handle, String topic, TaquillaEvent event) {
        String payload = json.writeValueAsString(event);
        int size = payload.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (size > maxEventBytes) {
            throw new EventTooLargeException(event, topic, size, maxEventBytes);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        String correlationId = MDC.get(CORRELATION_ID);
        if (correlationId != null) {
            headers.put(CORRELATION_ID, correlationId);
        }
        handle.createUpdate("""
                insert into outbox (id, topic, aggregatetype, aggregateid, type, payload, headers)
                values (:id, :topic, :aggregateType, :aggregateId, :type, cast(:payload as jsonb),
                        cast(:headers as jsonb))
                """)
                .bind("id", event.eventId())
                .bind("topic", topic)
                .bind("aggregateType", aggregateType(topic))
                .bind("aggregateId", event.aggregateId())
                .bind("type", event.getClass().getSimpleName())
                .bind("payload", payload)
                .bind("headers", json.writeValueAsString(headers))
                .execute();
    }

    /** {@code ordering.order.v1} → {@code order}: the entity part of the topic name. */
    static String aggregateType(String topic) {
        String[] parts = topic.split("\\.");
        return parts.length >= 3 ? parts[1] : topic;
    }
}
