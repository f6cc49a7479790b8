package io.taquilla.catalog.admin;

import static io.taquilla.catalog.CatalogClient.event;
import static io.taquilla.catalog.CatalogClient.firstType;
import static io.taquilla.catalog.CatalogClient.types;
import static org.assertj.core.api.Assertions.assertThat;

import io.taquilla.catalog.CatalogClient;
import io.taquilla.catalog.CatalogClient.Reply;
import io.taquilla.testsupport.IntegrationTest;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class AdminEventValidationTest {

    @LocalServerPort int port;
    CatalogClient catalog;

    @BeforeEach
    void connect() {
        catalog = new CatalogClient(port);
    }

    static Stream<Arguments> invalidEvents() {
        return Stream.of(
                bad("zero capacity", e -> firstType(e).put("capacity", 0), "ticketTypes[0].capacity"),
                bad("negative capacity", e -> firstType(e).put("capacity", -1), "ticketTypes[0].capacity"),
                bad("negative price", e -> firstType(e).put("priceMinor", -100), "ticketTypes[0].priceMinor"),
                bad("unknown currency", e -> firstType(e).put("currency", "ZZZ"), "ticketTypes[0].currency"),
                bad("lower-case currency", e -> firstType(e).put("currency", "eur"), "ticketTypes[0].currency"),
                bad("two currencies", e -> firstType(e).put("currency", "USD"), "ticketTypes"),
                bad("doors after start", e -> e.put("doorsOpenAt", plusHours(e.get("startsAt"), 1)), "doorsOpenAt"),
                bad("sales end before sales start", e -> e.put("salesStartAt", plusHours(e.get("salesEndAt"), 1)), "salesEndAt"),
                bad("sales end after the show", e -> e.put("salesEndAt", plusHours(e.get("startsAt"), 1)), "salesEndAt"),
                bad("types exceed venue", e -> e.put("venueCapacity", 349), "ticketTypes"),
                bad("zero venue capacity", e -> e.put("venueCapacity", 0), "venueCapacity"),
                bad("duplicate codes", e -> types(e).get(1).put("code", "GA"), "ticketTypes[1].code"),
                bad("maxPerOrder zero", e -> firstType(e).put("maxPerOrder", 0), "ticketTypes[0].maxPerOrder"),
                bad("maxPerOrder above capacity", e -> firstType(e).put("maxPerOrder", 301), "ticketTypes[0].maxPerOrder"),
                bad("missing name", e -> e.remove("name"), "name"),
                bad("missing venue", e -> e.remove("venue"), "venue"),
                bad("unknown timezone", e -> venue(e).put("timezone", "Mars/Olympus"), "venue.timezone"),
                bad("missing dates", e -> e.remove("startsAt"), "startsAt"),
                bad("missing ticket types", e -> e.remove("ticketTypes"), "ticketTypes"),
                bad("bad slug", e -> e.put("slug", "Not A Slug"), "slug"),
                bad("uuid slug", e -> e.put("slug", UUID.randomUUID().toString()), "slug"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidEvents")
    void rejectsInvalidEventsAsProblemJsonNamingTheField(String problem, Consumer<Map<String, Object>> breakIt, String field) {
        Map<String, Object> body = event(30);
        breakIt.accept(body);
        Reply reply = catalog.admin(HttpMethod.POST, "/api/admin/events", body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.problemType()).isEqualTo("https://taquilla.io/problems/validation");
        assertThat(reply.body().get("detail").asString()).isNotBlank();
        assertThat(reply.body().get("errors").findValuesAsString("field")).contains(field);
        assertThat(reply.body().toString()).doesNotContain("Exception", "at io.taquilla");
    }

    @Test
    void rejectsBodiesThatAreNotEvents() {
        assertMalformed(catalog.admin(HttpMethod.POST, "/api/admin/events", "{\"name\": "));
        assertMalformed(catalog.admin(HttpMethod.POST, "/api/admin/events", "[1, 2]"));
        Map<String, Object> fractionalPrice = event(30);
        firstType(fractionalPrice).put("priceMinor", 12.5);
        assertMalformed(catalog.admin(HttpMethod.POST, "/api/admin/events", fractionalPrice));
        Map<String, Object> badDate = event(30);
        badDate.put("startsAt", "next friday");
        assertMalformed(catalog.admin(HttpMethod.POST, "/api/admin/events", badDate));
        Map<String, Object> wrongType = event(30);
        wrongType.put("venueCapacity", "lots");
        assertMalformed(catalog.admin(HttpMethod.POST, "/api/admin/events", wrongType));

        Reply empty = catalog.admin(HttpMethod.POST, "/api/admin/events", "{}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().get("errors").findValuesAsString("field"))
                .contains("name", "venue", "startsAt", "venueCapacity", "ticketTypes");
    }

    @Test
    void validatesReplacementsLikeCreations() {
        JsonNode draft = catalog.createDraft(event(30));
        Map<String, Object> replacement = event(30);
        replacement.put("version", 1);
        firstType(replacement).put("currency", "DOLLARS");
        Reply reply = catalog.admin(HttpMethod.PUT, "/api/admin/events/" + draft.get("id").asString(), replacement);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("errors").findValuesAsString("field")).contains("ticketTypes[0].currency");
    }

    private static Arguments bad(String problem, Consumer<Map<String, Object>> breakIt, String field) {
        return Arguments.of(problem, breakIt, field);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> venue(Map<String, Object> event) {
        return (Map<String, Object>) event.get("venue");
    }

    private static String plusHours(Object instant, long hours) {
        return Instant.parse((String) instant).plusSeconds(hours * 3600).toString();
    }

    private static void assertMalformed(Reply reply) {
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.problemType()).isEqualTo("https://taquilla.io/problems/malformed-body");
        assertThat(reply.body().toString()).doesNotContain("Exception", "at io.taquilla");
    }
}
