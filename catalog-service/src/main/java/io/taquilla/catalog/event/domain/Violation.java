package io.taquilla.catalog.event.domain;

/** One thing wrong with an event, named by the request field it concerns (e.g. {@code ticketTypes[1].capacity}). */
public record Violation(String field, String message) {
}
