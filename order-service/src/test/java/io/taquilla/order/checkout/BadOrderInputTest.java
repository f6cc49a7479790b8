package io.taquilla.order.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import io.taquilla.contracts.catalog.EventSnapshot;
import io.taquilla.contracts.catalog.TicketTypeSnapshot;
import io.taquilla.order.support.Events;
import io.taquilla.order.support.Http;
import io.taquilla.testsupport.IntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every bad order request gets a 4xx problem+json that says what is wrong, and holds nothing. */
@IntegrationTest
class BadOrderInputTest {

    @LocalServerPort int port;
    @Autowired Jdbi jdbi;

    Http http;
    TicketTypeSnapshot ga;
    EventSnapshot event;

    @BeforeEach
    void publishEvent() {
        http = new Http(port);
        ga = Events.type("GA", 2500, 20, 4);
        event = Events.publish(jdbi, Events.onSale(ga));
    }

    private Http.Response order(String body) {
        return http.postOrder(UUID.randomUUID().toString(), body);
    }

    private String body(Object eventId, Object ticketTypeId, Object quantity, String email, String phone) {
        return """
                {"eventId":%s,"items":[{"ticketTypeId":%s,"quantity":%s}],
                 "customer":{"email":%s,"name":"Ana","phone":%s}}
                """.formatted(json(eventId), json(ticketTypeId), quantity, json(email), json(phone));
    }

    private static String json(Object value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private void assertProblem(Http.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.isProblem()).as(response.contentType()).isTrue();
        assertThat(response.body()).doesNotContain("Exception", "\tat ");
        if (type != null) {
            assertThat(response.text("type")).as(response.body()).isEqualTo("https://taquilla.io/problems/" + type);
        }
        assertThat(response.text("detail")).isNotBlank();
    }

    @Test
    void unknownEventOrTicketType() {
        assertProblem(order(body(UUID.randomUUID(), ga.ticketTypeId(), 1, "a@example.com", null)), 404, "event-not-found");
        assertProblem(order(body(event.catalogEventId(), UUID.randomUUID(), 1, "a@example.com", null)), 422,
                "unknown-ticket-type");
    }

    @Test
    void quantityZeroNegativeOrOverTheLimit() {
        assertProblem(order(body(event.catalogEventId(), ga.ticketTypeId(), 0, "a@example.com", null)), 400, "validation");
        assertProblem(order(body(event.catalogEventId(), ga.ticketTypeId(), -2, "a@example.com", null)), 400, "validation");
        assertProblem(order(body(event.catalogEventId(), ga.ticketTypeId(), 5, "a@example.com", null)), 400,
                "quantity-over-limit");
        assertProblem(order(body(event.catalogEventId(), ga.ticketTypeId(), "\"many\"", "a@example.com", null)), 400, null);
        assertProblem(order(body(event.catalogEventId(), ga.ticketTypeId(), 999999999999L, "a@example.com", null)), 400, null);
    }

    @Test
    void malformedOrIncompleteBodies() {
        assertProblem(order("{\"eventId\": "), 400, "malformed-body");
        assertProblem(order("not json at all"), 400, "malformed-body");
        assertProblem(order("[]"), 400, null);
        assertProblem(order("{}"), 400, "validation");
        assertProblem(order(body("not-a-uuid", ga.ticketTypeId(), 1, "a@example.com", null)), 400, null);
        assertProblem(order("""
                {"eventId":"%s","items":[],"customer":{"email":"a@example.com","name":"Ana"}}
                """.formatted(event.catalogEventId())), 400, "validation");
        assertProblem(order("""
                {"eventId":"%s","items":[{"ticketTypeId":"%s","quantity":1}],"customer":{"email":"a@example.com"}}
                """.formatted(event.catalogEventId(), ga.ticketTypeId())), 400, "validation");
        assertProblem(order("""
                {"eventId":"%s","items":[{"ticketTypeId":"%s","quantity":1},{"ticketTypeId":"%s","quantity":1}],
                 "customer":{"email":"a@example.com","name":"Ana"}}
                """.formatted(event.catalogEventId(), ga.ticketTypeId(), ga.ticketTypeId())), 400, "duplicate-line");
    }

    @Test
    void missingOrBlankIdempotencyKey() {
        String valid = body(event.catalogEventId(), ga.ticketTypeId(), 1, "a@example.com", null);
        assertProblem(http.postOrder(null, valid), 400, null);
        assertProblem(http.postOrder("   ", valid), 400, null);
        assertProblem(http.postOrder("k".repeat(201), valid), 400, "invalid-idempotency-key");
    }

    @Test
    void invalidEmailOrPhone() {
        for (String email : List.of("not-an-email", "a@b", "two@@example.com", "spa ce@example.com", "")) {
            Http.Response response = order(body(event.catalogEventId(), ga.ticketTypeId(), 1, email, null));
            assertThat(response.status()).as(email).isEqualTo(400);
            assertThat(response.isProblem()).isTrue();
        }
        assertProblem(order(body(event.catalogEventId(), ga.ticketTypeId(), 1, "a@example.com", "600 123 456")), 400,
                "invalid-phone");
        assertProblem(order(body(event.catalogEventId(), ga.ticketTypeId(), 1, "a@example.com", "+0 123")), 400,
                "invalid-phone");
        Http.Response normalised = order(body(event.catalogEventId(), ga.ticketTypeId(), 1, "a@example.com",
                "0034 (600) 123-456"));
        assertThat(normalised.status()).isEqualTo(201);
    }

    @Test
    void eventNotOnSaleYetOverOrCancelled() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        TicketTypeSnapshot early = Events.type("EARLY", 1000, 10, 2);
        EventSnapshot notYet = Events.publish(jdbi, Events.with(Events.onSale(early), "PUBLISHED",
                now.plus(1, ChronoUnit.DAYS), now.plus(2, ChronoUnit.DAYS), List.of(early)));
        Http.Response tooEarly = order(body(notYet.catalogEventId(), early.ticketTypeId(), 1, "a@example.com", null));
        assertProblem(tooEarly, 409, "not-on-sale");
        assertThat(tooEarly.text("salesStartAt")).isNotBlank();

        TicketTypeSnapshot late = Events.type("LATE", 1000, 10, 2);
        EventSnapshot over = Events.publish(jdbi, Events.with(Events.onSale(late), "PUBLISHED",
                now.minus(2, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS), List.of(late)));
        assertProblem(order(body(over.catalogEventId(), late.ticketTypeId(), 1, "a@example.com", null)), 409, "not-on-sale");

        Events.publish(jdbi, Events.with(event, "CANCELLED", event.salesStartAt(), event.salesEndAt(), List.of(ga)));
        assertProblem(order(body(event.catalogEventId(), ga.ticketTypeId(), 1, "a@example.com", null)), 409,
                "event-cancelled");
        assertThat(held()).isZero();
    }

    @Test
    void availabilityOfAnUnknownEventOrABadId() {
        assertProblem(http.get("/api/events/" + UUID.randomUUID() + "/availability"), 404, "not-found");
        assertProblem(http.get("/api/events/not-a-uuid/availability"), 400, null);
    }

    private int held() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from inventory_unit where ticket_type_id = :t and state <> 'FREE'")
                .bind("t", ga.ticketTypeId()).mapTo(Integer.class).one());
    }
}
