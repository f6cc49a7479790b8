package io.taquilla.catalog.event.domain;

/**
 * A ticket type as the organizer asked for it. Fields may be missing or wrong until
 * {@link EventRules#check(EventSpec)} found no violations.
 */
public record TicketTypeSpec(String code, String name, Long priceMinor, String currency, Integer capacity,
                             Integer maxPerOrder) {
}
