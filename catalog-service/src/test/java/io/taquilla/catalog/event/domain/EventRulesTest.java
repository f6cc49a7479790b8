package io.taquilla.catalog.event.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventRulesTest {

    static final Instant STARTS = Instant.parse("2030-06-01T20:00:00Z");

    static EventSpec valid() {
        return new EventSpec("Noche de Flamenco", null, "Live flamenco",
                new Venue("Sala Apolo", "Carrer Nou de la Rambla 113", "Barcelona", "Europe/Madrid"),
                STARTS, STARTS.minusSeconds(3600), STARTS.minusSeconds(86_400 * 30), STARTS.minusSeconds(1800), 500,
                List.of(type("GA", 1500, "EUR", 300, 10), type("VIP", 4500, "EUR", 50, 4)));
    }

    static TicketTypeSpec type(String code, long price, String currency, int capacity, int maxPerOrder) {
        return new TicketTypeSpec(code, code + " ticket", price, currency, capacity, maxPerOrder);
    }

    static EventSpec withTypes(EventSpec spec, TicketTypeSpec... types) {
        return new EventSpec(spec.name(), spec.slug(), spec.description(), spec.venue(), spec.startsAt(), spec.doorsOpenAt(),
                spec.salesStartAt(), spec.salesEndAt(), spec.venueCapacity(), types == null ? null : java.util.Arrays.asList(types));
    }

    static EventSpec withFirstType(UnaryOperator<TicketTypeSpec> change) {
        List<TicketTypeSpec> types = new ArrayList<>(valid().ticketTypes());
        types.set(0, change.apply(types.get(0)));
        return withTypes(valid(), types.toArray(TicketTypeSpec[]::new));
    }

    static EventSpec dates(Instant startsAt, Instant doorsOpenAt, Instant salesStartAt, Instant salesEndAt) {
        EventSpec s = valid();
        return new EventSpec(s.name(), s.slug(), s.description(), s.venue(), startsAt, doorsOpenAt, salesStartAt, salesEndAt,
                s.venueCapacity(), s.ticketTypes());
    }

    static EventSpec venue(Venue venue, Integer capacity) {
        EventSpec s = valid();
        return new EventSpec(s.name(), s.slug(), s.description(), venue, s.startsAt(), s.doorsOpenAt(), s.salesStartAt(),
                s.salesEndAt(), capacity, s.ticketTypes());
    }

    static EventSpec named(String name, String slug) {
        EventSpec s = valid();
        return new EventSpec(name, slug, s.description(), s.venue(), s.startsAt(), s.doorsOpenAt(), s.salesStartAt(),
                s.salesEndAt(), s.venueCapacity(), s.ticketTypes());
    }

    @Test
    void acceptsAValidEventAndADraftWithoutTicketTypes() {
        assertThat(EventRules.check(valid())).isEmpty();
        assertThat(EventRules.check(withTypes(valid()))).isEmpty();
        assertThat(EventRules.check(withFirstType(t -> type("GA", 0, "JPY", 300, 300)).withSlug("flamenco-2030")))
                .as("free tickets, a currency without decimals, maxPerOrder equal to capacity, a chosen slug")
                .extracting(Violation::field).doesNotContain("ticketTypes[0].priceMinor", "ticketTypes[0].maxPerOrder", "slug");
    }

    static Stream<Arguments> invalidEvents() {
        Venue v = valid().venue();
        return Stream.of(
                Arguments.of("zero capacity", withFirstType(t -> type("GA", 1500, "EUR", 0, 1)), "ticketTypes[0].capacity"),
                Arguments.of("negative capacity", withFirstType(t -> type("GA", 1500, "EUR", -5, 1)), "ticketTypes[0].capacity"),
                Arguments.of("missing capacity", withFirstType(t -> new TicketTypeSpec("GA", "GA", 1L, "EUR", null, 1)), "ticketTypes[0].capacity"),
                Arguments.of("negative price", withFirstType(t -> type("GA", -1, "EUR", 300, 10)), "ticketTypes[0].priceMinor"),
                Arguments.of("absurd price", withFirstType(t -> type("GA", EventRules.MAX_PRICE_MINOR + 1, "EUR", 300, 10)), "ticketTypes[0].priceMinor"),
                Arguments.of("missing price", withFirstType(t -> new TicketTypeSpec("GA", "GA", null, "EUR", 300, 1)), "ticketTypes[0].priceMinor"),
                Arguments.of("unknown currency", withFirstType(t -> type("GA", 1500, "ZZZ", 300, 10)), "ticketTypes[0].currency"),
                Arguments.of("lower-case currency", withFirstType(t -> type("GA", 1500, "eur", 300, 10)), "ticketTypes[0].currency"),
                Arguments.of("currency name", withFirstType(t -> type("GA", 1500, "EURO", 300, 10)), "ticketTypes[0].currency"),
                Arguments.of("gold is not a price", withFirstType(t -> type("GA", 1500, "XAU", 300, 10)), "ticketTypes[0].currency"),
                Arguments.of("missing currency", withFirstType(t -> type("GA", 1500, null, 300, 10)), "ticketTypes[0].currency"),
                Arguments.of("two currencies", withFirstType(t -> type("GA", 1500, "USD", 300, 10)), "ticketTypes"),
                Arguments.of("duplicate codes", withFirstType(t -> type("VIP", 1500, "EUR", 300, 10)), "ticketTypes[1].code"),
                Arguments.of("lower-case code", withFirstType(t -> type("ga", 1500, "EUR", 300, 10)), "ticketTypes[0].code"),
                Arguments.of("code with hyphen", withFirstType(t -> type("G-A", 1500, "EUR", 300, 10)), "ticketTypes[0].code"),
                Arguments.of("missing type name", withFirstType(t -> new TicketTypeSpec("GA", " ", 1L, "EUR", 300, 1)), "ticketTypes[0].name"),
                Arguments.of("maxPerOrder zero", withFirstType(t -> type("GA", 1500, "EUR", 300, 0)), "ticketTypes[0].maxPerOrder"),
                Arguments.of("maxPerOrder above capacity", withFirstType(t -> type("GA", 1500, "EUR", 3, 4)), "ticketTypes[0].maxPerOrder"),
                Arguments.of("missing maxPerOrder", withFirstType(t -> new TicketTypeSpec("GA", "GA", 1L, "EUR", 300, null)), "ticketTypes[0].maxPerOrder"),
                Arguments.of("null ticket type", withTypes(valid(), (TicketTypeSpec) null), "ticketTypes[0]"),
                Arguments.of("missing ticket types", withTypes(valid(), (TicketTypeSpec[]) null), "ticketTypes"),
                Arguments.of("types exceed venue", withFirstType(t -> type("GA", 1500, "EUR", 451, 10)), "ticketTypes"),
                Arguments.of("zero venue capacity", venue(v, 0), "venueCapacity"),
                Arguments.of("huge venue capacity", venue(v, EventRules.MAX_VENUE_CAPACITY + 1), "venueCapacity"),
                Arguments.of("missing venue capacity", venue(v, null), "venueCapacity"),
                Arguments.of("missing venue", venue(null, 500), "venue"),
                Arguments.of("missing venue name", venue(new Venue("", "a", "b", "Europe/Madrid"), 500), "venue.name"),
                Arguments.of("missing venue address", venue(new Venue("a", null, "b", "Europe/Madrid"), 500), "venue.address"),
                Arguments.of("missing venue city", venue(new Venue("a", "b", null, "Europe/Madrid"), 500), "venue.city"),
                Arguments.of("missing timezone", venue(new Venue("a", "b", "c", null), 500), "venue.timezone"),
                Arguments.of("unknown timezone", venue(new Venue("a", "b", "c", "Europe/Atlantis"), 500), "venue.timezone"),
                Arguments.of("offset instead of zone", venue(new Venue("a", "b", "c", "+02:00"), 500), "venue.timezone"),
                Arguments.of("missing name", named(null, null), "name"),
                Arguments.of("blank name", named("  ", null), "name"),
                Arguments.of("long name", named("x".repeat(EventRules.MAX_NAME_LENGTH + 1), null), "name"),
                Arguments.of("slug with spaces", named("Show", "my show"), "slug"),
                Arguments.of("slug with upper case", named("Show", "My-Show"), "slug"),
                Arguments.of("slug shaped like a uuid", named("Show", "123e4567-e89b-12d3-a456-426614174000"), "slug"),
                Arguments.of("doors after start", dates(STARTS, STARTS.plusSeconds(1), STARTS.minusSeconds(9000), STARTS.minusSeconds(60)), "doorsOpenAt"),
                Arguments.of("sales end before start", dates(STARTS, STARTS, STARTS.minusSeconds(60), STARTS.minusSeconds(120)), "salesEndAt"),
                Arguments.of("empty sales window", dates(STARTS, STARTS, STARTS.minusSeconds(60), STARTS.minusSeconds(60)), "salesEndAt"),
                Arguments.of("sales after the show", dates(STARTS, STARTS, STARTS.minusSeconds(60), STARTS.plusSeconds(60)), "salesEndAt"),
                Arguments.of("missing startsAt", dates(null, STARTS, STARTS.minusSeconds(60), STARTS), "startsAt"),
                Arguments.of("missing doorsOpenAt", dates(STARTS, null, STARTS.minusSeconds(60), STARTS), "doorsOpenAt"),
                Arguments.of("missing salesStartAt", dates(STARTS, STARTS, null, STARTS), "salesStartAt"),
                Arguments.of("missing salesEndAt", dates(STARTS, STARTS, STARTS.minusSeconds(60), null), "salesEndAt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidEvents")
    void rejectsInvalidEventsNamingTheField(String problem, EventSpec spec, String field) {
        assertThat(EventRules.check(spec)).extracting(Violation::field).contains(field);
    }

    @Test
    void reportsEveryViolationAtOnce() {
        EventSpec spec = new EventSpec(null, null, null, null, null, null, null, null, null, null);
        assertThat(EventRules.check(spec)).extracting(Violation::field).containsExactlyInAnyOrder(
                "name", "venue", "startsAt", "doorsOpenAt", "salesStartAt", "salesEndAt", "venueCapacity", "ticketTypes");
    }

    @Test
    void neverReducesCapacityBelowWhatIsSold() {
        EventSpec spec = withTypes(valid(), type("GA", 1500, "EUR", 40, 10), type("VIP", 4500, "EUR", 50, 4));
        assertThat(EventRules.checkAgainstSold(spec, Map.of("GA", 40, "VIP", 12))).isEmpty();
        assertThat(EventRules.checkAgainstSold(spec, Map.of("GA", 41)))
                .extracting(Violation::field).containsExactly("ticketTypes[0].capacity");
    }

    @Test
    void neverRemovesATicketTypeWithSales() {
        EventSpec onlyVip = withTypes(valid(), type("VIP", 4500, "EUR", 50, 4));
        assertThat(EventRules.checkAgainstSold(onlyVip, Map.of("GA", 0))).isEmpty();
        assertThat(EventRules.checkAgainstSold(onlyVip, Map.of("GA", 3)))
                .singleElement().satisfies(v -> assertThat(v.message()).contains("GA", "3"));
    }
}
