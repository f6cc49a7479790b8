package io.taquilla.contracts.ticketing;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.taquilla.contracts.TaquillaEvent;

/**
 * Events on {@code ticketing.signing-key.v1}, keyed by key id, so a compacted topic keeps the
 * current state of every key.
 */
public sealed interface SigningKeyEvent extends TaquillaEvent permits SigningKeyPublished {

    String keyId();

    @Override
    @JsonIgnore
    default String aggregateId() {
        return keyId();
    }
}
