package io.taquilla.messaging.outbox;

import io.taquilla.contracts.TaquillaEvent;

/**
 * An event whose JSON is larger than the producer may send (its {@code max.request.size} less
 * headroom). Thrown by {@link Outbox#append} so the business transaction fails with a reason,
 * instead of a row that Kafka refuses forever. An {@link IllegalArgumentException}: a consumer
 * whose effect hits it dead-letters the record it was applying (replay it after the fix).
 */
public class EventTooLargeException extends IllegalArgumentException {

    public EventTooLargeException(TaquillaEvent event, String topic, int bytes, int limit) {
        super(event.getClass().getSimpleName() + " " + event.eventId() + " for " + topic + " (aggregate "
                + event.aggregateId() + ") is " + bytes + " bytes of JSON, over the " + limit
                + "-byte limit (the producer's max.request.size less headroom); split the event or raise the limit");
    }
}
