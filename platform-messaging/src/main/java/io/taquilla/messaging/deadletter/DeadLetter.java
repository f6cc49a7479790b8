package io.taquilla.messaging.deadletter;

import java.time.Instant;

/**
 * One record on a {@code <topic>.dlt}, with what Spring Kafka recorded about it and, if this
 * service replayed it, when. {@code value} is only filled when one letter is shown.
 */
public record DeadLetter(String topic, int partition, long offset, String key, String originalTopic,
                         Integer originalPartition, Long originalOffset, String group, String eventType, String eventId,
                         String exceptionClass, String exceptionMessage, Instant deadLetteredAt, Instant replayedAt,
                         String value) {

    public String id() {
        return topic + "/" + partition + "/" + offset;
    }

    DeadLetter replayed(Instant at) {
        return new DeadLetter(topic, partition, offset, key, originalTopic, originalPartition, originalOffset, group,
                eventType, eventId, exceptionClass, exceptionMessage, deadLetteredAt, at, value);
    }

    DeadLetter withoutValue() {
        return new DeadLetter(topic, partition, offset, key, originalTopic, originalPartition, originalOffset, group,
                eventType, eventId, exceptionClass, exceptionMessage, deadLetteredAt, replayedAt, null);
    }
}
