package io.taquilla.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.UUID;

/**
 * Every message on a Taquilla topic. {@link #eventId()} is what idempotent consumers record in
 * their inbox; {@link #occurredAt()} is when the fact became true in the producing service (UTC).
 */
public interface TaquillaEvent {

    UUID eventId();

    Instant occurredAt();

    /**
     * The Kafka record key. Derived from the payload by each topic's sealed base so that a message
     * can never be keyed differently from its content; not part of the JSON.
     */
    @JsonIgnore
    String aggregateId();
}
