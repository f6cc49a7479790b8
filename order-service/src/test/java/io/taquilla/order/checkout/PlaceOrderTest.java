package io.taquilla.order.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taquilla.contracts.Topics;
import io.taquilla.contracts.catalog.EventSnapshot;
import io.taquilla.contracts.catalog.TicketTypeSnapshot;
import io.taquilla.contracts.ordering.OrderConfirmed;
import io.taquilla.contracts.ordering.OrderPlaced;
import io.taquilla.contracts.payments.CheckoutSessionCreated;
import io.taquilla.order.support.Events;
import io.taquilla.order.support.Http;
import io.taquilla.order.support.Kafka;
import io.taquilla.testsupport.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class PlaceOrderTest {

    @LocalServerPort int port;
    @Autowired Jdbi jdbi;

    Http http;
    TicketTypeSnapshot ga;
    EventSnapshot event;

    @BeforeEach
    void publishEvent() {
        http = new Http(port);
        ga = Events.type("GA", 2500, 50, 6);
        event = Events.publish(jdbi, Events.onSale(ga));
    }

    @Test
    void holdsTicketsAndAnswersWithTheOrderAndItsAccessToken() {
        Http.Response response = http.postOrder(UUID.randomUUID().toString(),
                Http.orderBody(event.catalogEventId(), ga.ticketTypeId(), 2, "Ana@Example.COM"));

        assertThat(response.status()).isEqualTo(201);
        var order = response.json();
        UUID orderId = UUID.fromString(order.path("orderId").asString());
        assertThat(order.path("status").asString()).isEqualTo("AWAITING_PAYMENT");
        assertThat(order.path("totalMinor").asLong()).isEqualTo(5000);
        assertThat(order.path("currency").asString()).isEqualTo("EUR");
        assertThat(order.path("lines").get(0).path("quantity").asInt()).isEqualTo(2);
        assertThat(Instant.parse(order.path("holdExpiresAt").asString()))
                .isBetween(Instant.now().plus(Duration.ofMinutes(14)), Instant.now().plus(Duration.ofMinutes(16)));
        String token = order.path("accessToken").asString();
        assertThat(token).isNotBlank();

        var availability = http.get("/api/events/" + event.catalogEventId() + "/availability").json();
        assertThat(availability.path("ticketTypes").get(0).path("held").asInt()).isEqualTo(2);
        assertThat(availability.path("ticketTypes").get(0).path("available").asInt()).isEqualTo(48);
        assertThat(availability.path("summary").path("totalAvailable").asInt()).isEqualTo(48);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<OrderPlaced> placed = Kafka.events(Topics.ORDERING_ORDER, orderId.toString(), OrderPlaced.class);
            assertThat(placed).hasSize(1);
            assertThat(placed.get(0).customer().email()).isEqualTo("Ana@example.com");
            assertThat(placed.get(0).customer().phone()).isEqualTo("+34600123456");
            assertThat(placed.get(0).total().amountMinor()).isEqualTo(5000);
            assertThat(placed.get(0).lines().get(0).ticketTypeCode()).isEqualTo("GA");
        });

        var read = http.get("/api/orders/" + orderId, "X-Order-Token", token);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("status")).isEqualTo("AWAITING_PAYMENT");
        assertThat(read.json().has("checkoutUrl")).isFalse();
        assertThat(read.json().has("accessToken")).isFalse();
        assertThat(http.get("/api/orders/" + orderId + "?token=" + token).status()).isEqualTo(200);

        Kafka.publish(Topics.PAYMENTS_PAYMENT, new CheckoutSessionCreated(UUID.randomUUID(), Instant.now(), orderId,
                "cs_test_1", "https://checkout.stripe.test/cs_test_1", Instant.now().plusSeconds(900)));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "https://checkout.stripe.test/cs_test_1".equals(
                        http.get("/api/orders/" + orderId, "X-Order-Token", token).text("checkoutUrl")));
    }

    @Test
    void readingAnOrderNeedsItsToken() {
        Http.Response placed = http.placeOrder(event.catalogEventId(), ga.ticketTypeId(), 1);
        String orderId = placed.text("orderId");
        String otherToken = http.placeOrder(event.catalogEventId(), ga.ticketTypeId(), 1).text("accessToken");

        Http.Response missing = http.get("/api/orders/" + orderId);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.isProblem()).isTrue();
        Http.Response wrong = http.get("/api/orders/" + orderId, "X-Order-Token", otherToken);
        assertThat(wrong.status()).isEqualTo(404);
        assertThat(wrong.isProblem()).isTrue();
        assertThat(http.get("/api/orders/" + orderId + "?token=garbage!!").status()).isEqualTo(404);
        assertThat(http.get("/api/orders/" + UUID.randomUUID(), "X-Order-Token", otherToken).status()).isEqualTo(404);
    }

    @Test
    void theSameKeyAndBodyReturnTheSameOrderAndADifferentBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        String body = Http.orderBody(event.catalogEventId(), ga.ticketTypeId(), 1, "same@example.com");

        Http.Response first = http.postOrder(key, body);
        Http.Response again = http.postOrder(key, body);
        Http.Response changed = http.postOrder(key,
                Http.orderBody(event.catalogEventId(), ga.ticketTypeId(), 2, "same@example.com"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("orderId")).isEqualTo(first.text("orderId"));
        assertThat(again.text("accessToken")).isEqualTo(first.text("accessToken"));
        assertThat(changed.status()).isEqualTo(422);
        assertThat(changed.isProblem()).isTrue();
        assertThat(changed.text("type")).endsWith("/idempotency-key-reused");
        assertThat(heldUnits()).isEqualTo(1);
    }

    @Test
    void concurrentRepeatsOfOneKeyMakeOneOrder() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = Http.orderBody(event.catalogEventId(), ga.ticketTypeId(), 3, "race@example.com");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Http.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(() -> http.postOrder(key, body));
            }
            List<Http.Response> responses = new ArrayList<>();
            for (Future<Http.Response> f : pool.invokeAll(calls)) {
                responses.add(f.get());
            }
            assertThat(responses).extracting(Http.Response::status).containsOnly(200, 201);
            assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
            assertThat(responses).extracting(r -> r.text("orderId")).containsOnly(responses.get(0).text("orderId"));
        } finally {
            pool.shutdownNow();
        }
        int orders = jdbi.withHandle(h -> h.createQuery("select count(*) from orders where idempotency_key = :k")
                .bind("k", key).mapTo(Integer.class).one());
        assertThat(orders).isEqualTo(1);
        assertThat(heldUnits()).isEqualTo(3);
    }

    @Test
    void aFreeOrderIsConfirmedAtOnceWithTheEventDetailsTicketingPrints() {
        TicketTypeSnapshot guestList = Events.type("GUEST", 0, 10, 2);
        EventSnapshot free = Events.publish(jdbi, Events.onSale(guestList));

        Http.Response response = http.placeOrder(free.catalogEventId(), guestList.ticketTypeId(), 2);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.text("status")).isEqualTo("CONFIRMED");
        assertThat(response.text("ticketsUrl"))
                .startsWith("http://localhost:8080/api/tickets/orders/" + response.text("orderId") + "?token=");
        String orderId = response.text("orderId");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<OrderConfirmed> confirmed = Kafka.events(Topics.ORDERING_ORDER, orderId, OrderConfirmed.class);
            assertThat(confirmed).hasSize(1);
            assertThat(confirmed.get(0).eventName()).isEqualTo("Noche de Prueba");
            assertThat(confirmed.get(0).venueName()).isEqualTo("Sala Apolo");
            assertThat(confirmed.get(0).eventStartsAt()).isEqualTo(free.startsAt());
            assertThat(confirmed.get(0).total().amountMinor()).isZero();
            assertThat(confirmed.get(0).paymentIntentId()).isNull();
        });
        assertThat(Kafka.events(Topics.ORDERING_ORDER, orderId, OrderPlaced.class)).isEmpty();
        var availability = http.get("/api/events/" + free.catalogEventId() + "/availability").json();
        assertThat(availability.path("ticketTypes").get(0).path("sold").asInt()).isEqualTo(2);
    }

    private int heldUnits() {
        return jdbi.withHandle(h -> h.createQuery(
                        "select count(*) from inventory_unit where ticket_type_id = :t and state = 'HELD'")
                .bind("t", ga.ticketTypeId()).mapTo(Integer.class).one());
    }
}
