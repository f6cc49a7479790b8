package io.taquilla.contracts.scanning;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.taquilla.contracts.TaquillaEvent;

import java.util.UUID;

/**
 * Events on {@code scanning.scan.v1}, keyed by catalog event id so one event's door activity is
 * ordered and check-in counts can be kept per partition.
 */
public sealed interface ScanEvent extends TaquillaEvent permits TicketScanned, CheckInUndone {

    UUID catalogEventId();

    @Override
    @JsonIgnore
    default String aggregateId() {
        return catalogEventId().toString();
    }
}
