package io.taquilla.catalog.event.domain;

/** Where an event happens; {@code timezone} is an IANA zone id used to show local times. */
public record Venue(String name, String address, String city, String timezone) {
}
