package io.taquilla.contracts.catalog;

/**
 * Where an event happens.
 *
 * @param timezone IANA zone id (e.g. {@code Europe/Madrid}) for showing local times; instants stay UTC
 */
public record Venue(String name, String address, String city, String timezone) {
}
