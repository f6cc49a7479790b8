package io.taquilla.contracts.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.taquilla.contracts.TaquillaEvent;

/**
 * Events on {@code catalog.event.v1}, keyed by catalog event id. Each carries the full snapshot so a
 * consumer can rebuild its copy from the latest message alone, without replaying history.
 */
public sealed interface CatalogEvent extends TaquillaEvent
        permits EventPublished, EventUpdated, EventCancelled {

    EventSnapshot event();

    @Override
    @JsonIgnore
    default String aggregateId() {
        return event().catalogEventId().toString();
    }
}
