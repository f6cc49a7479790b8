package io.taquilla.contracts.ordering;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.taquilla.contracts.TaquillaEvent;

import java.util.UUID;

/**
 * Events on {@code ordering.inventory.v1}, keyed by catalog event id so all ticket types of one
 * event share a partition and their counts arrive in order.
 */
public sealed interface InventoryEvent extends TaquillaEvent permits InventoryChanged {

    UUID catalogEventId();

    @Override
    @JsonIgnore
    default String aggregateId() {
        return catalogEventId().toString();
    }
}
