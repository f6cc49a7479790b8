package io.taquilla.catalog.event.domain;

/** Where an event is in its life: only PUBLISHED events are public; CANCELLED is final. */
public enum EventStatus {
    DRAFT,
    PUBLISHED,
    CANCELLED
}
