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

    private final JsonMapper json;

    public Outbox(JsonMapper json) {
        this.json = json;
    }

    /** Appends {@code event} for {@code topic}, keyed by {@link TaquillaEvent#aggregateId()}. */
    public void append(Handle handle, String topic, TaquillaEvent event) {
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
                .bind("payload", json.writeValueAsString(event))
                .bind("headers", json.writeValueAsString(headers))
                .execute();
    }

    /** {@code ordering.order.v1} → {@code order}: the entity part of the topic name. */
    static String aggregateType(String topic) {
        String[] parts = topic.split("\\.");
        return parts.length >= 3 ? parts[1] : topic;
    }
}
