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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a Kafka record into the event record named by its {@code eventType} header, looked up
 * among the permitted subtypes of the topic's sealed event interface. An event type this build
 * does not know (a newer producer) is reported as empty so the consumer can skip it; a body that
 * is not valid JSON for the type throws, and the record goes to the dead-letter topic.
 */
public class IncomingEvents {

    private static final Logger log = LoggerFactory.getLogger(IncomingEvents.class);

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
            Optional<TaquillaEvent> event = read(record);
            if (event.isEmpty()) {
                log.info("{} ignores unknown event type {} on {}", consumer, header(record, "eventType"), record.topic());
                return false;
            }
            TaquillaEvent known = event.get();
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

    public Optional<TaquillaEvent> read(ConsumerRecord<String, String> record) {
        Class<? extends TaquillaEvent> base = Topics.EVENTS_BY_TOPIC.get(record.topic());
        if (base == null) {
            throw new IllegalArgumentException("no contract for topic " + record.topic());
        }
        String type = header(record, "eventType");
        if (type == null) {
            throw new IllegalArgumentException("record without eventType header on " + record.topic());
        }
        return Arrays.stream(base.getPermittedSubclasses())
                .filter(candidate -> candidate.getSimpleName().equals(type))
                .findFirst()
                .map(candidate -> (TaquillaEvent) json.readValue(record.value(), candidate));
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
