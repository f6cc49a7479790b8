package io.taquilla.notification.message;

import io.taquilla.contracts.TaquillaEvent;
import io.taquilla.contracts.ordering.OrderEvent;
import io.taquilla.contracts.ticketing.TicketEvent;
import io.taquilla.messaging.EventJson;
import java.util.Arrays;
import java.util.stream.Stream;

/** Reads back the event a delivery was recorded from (its type name and JSON body). */
final class EventPayloads {

    private EventPayloads() {
    }

    static TaquillaEvent read(String eventType, String payload) {
        Class<?> type = Stream.concat(Arrays.stream(TicketEvent.class.getPermittedSubclasses()),
                        Arrays.stream(OrderEvent.class.getPermittedSubclasses()))
                .filter(candidate -> candidate.getSimpleName().equals(eventType))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown event type " + eventType));
        return (TaquillaEvent) EventJson.MAPPER.readValue(payload, type);
    }
}
