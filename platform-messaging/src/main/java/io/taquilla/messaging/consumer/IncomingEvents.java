package io.taquilla.messaging.consumer;

import io.taquilla.contracts.TaquillaEvent;
import io.taquilla.contracts.Topics;
import io.taquilla.messaging.inbox.Inbox;
import io.taquilla.messaging.outbox.Outbox;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jdbi.v3.core.Handle;
import org.slf4j.MDC;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a Kafka record into the event record named by its {@code eventType} header, looked up
 * among the permitted subtypes of the topic's sealed event interface. A record that cannot be
 * decoded — no contract for the topic, no or an unknown event type (a newer producer: replay the
 * dead letter once this consumer is upgraded), a body that is not the JSON of its type, no event
 * id — throws {@link UndeliverableRecordException} and goes to the dead-letter topic at once.
 */
public class IncomingEvents {

    /** A consumer's effect, run on the inbox's transaction. */
    @FunctionalInterface
    public interface Effect {
        void apply(Handle handle, TaquillaEvent event) throws Exception;
    }

    private final JsonMapper json;
    private final Inbox inbox;

    public IncomingEvents(JsonMapper json, Inbox inbox) {
        this.json = json;
        this.inbox = inbox;
    }

    /**
     * Decodes {@code record} and applies {@code effect} once per {@code consumer}: the inbox row
     * and the effect commit together. The correlation id of the record is in the MDC meanwhile,
     * so logs and any outbox rows the effect writes carry it on. Returns false for a duplicate or
     * an event type this build does not know.
     */
    public boolean handle(String consumer, ConsumerRecord<String, String> record, Effect effect) throws Exception {
        String correlationId = header(record, Outbox.CORRELATION_ID);
        if (correlationId != null) {
            MDC.put(Outbox.CORRELATION_ID, correlationId);
        }
        try {
            TaquillaEvent known = read(record).orElseThrow(() -> new UndeliverableRecordException(
                    "unknown event type " + header(record, "eventType") + " on " + record.topic()
                            + " for " + consumer + " (replay it once this consumer knows the type)"));
            if (known.eventId() == null) {
                throw new UndeliverableRecordException(known.getClass().getSimpleName() + " without eventId on "
                        + record.topic());
            }
            return inbox.handleOnce(consumer, known.eventId(), record.topic(), header(record, "eventType"),
                    handle -> {
                        try {
                            effect.apply(handle, known);
                        } catch (RuntimeException e) {
                            throw e;
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
        } finally {
            MDC.remove(Outbox.CORRELATION_ID);
        }
    }

    /** The event, or empty for an event type this build does not know. */
    public Optional<TaquillaEvent> read(ConsumerRecord<String, String> record) {
        Class<? extends TaquillaEvent> base = Topics.EVENTS_BY_TOPIC.get(record.topic());
        if (base == null) {
            throw new UndeliverableRecordException("no contract for topic " + record.topic());
        }
        String type = header(record, "eventType");
        if (type == null) {
            throw new UndeliverableRecordException("record without eventType header on " + record.topic());
        }
        return Arrays.stream(base.getPermittedSubclasses())
                .filter(candidate -> candidate.getSimpleName().equals(type))
                .findFirst()
                .map(candidate -> decode(record, candidate));
    }

    private TaquillaEvent decode(ConsumerRecord<String, String> record, Class<?> type) {
        if (record.value() == null) {
            throw new UndeliverableRecordException(type.getSimpleName() + " without a body on " + record.topic());
        }
        try {
            return (TaquillaEvent) json.readValue(record.value(), type);
        } catch (tools.jackson.core.JacksonException e) {
            throw new UndeliverableRecordException("body of " + type.getSimpleName() + " on " + record.topic()
                    + " is not valid: " + e.getOriginalMessage(), e);
        }
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
