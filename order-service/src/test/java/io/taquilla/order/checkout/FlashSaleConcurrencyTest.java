package io.taquilla.order.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import io.taquilla.contracts.catalog.EventSnapshot;
import io.taquilla.contracts.catalog.TicketTypeSnapshot;
import io.taquilla.order.support.Events;
import io.taquilla.order.support.Http;
import io.taquilla.testsupport.IntegrationTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 300 buyers at once over HTTP for 100 tickets: exactly 100 held, everyone else a 409. */
@IntegrationTest
class FlashSaleConcurrencyTest {

    @LocalServerPort int port;
    @Autowired Jdbi jdbi;

    @Test
    void threeHundredConcurrentBuyersNeverGetMoreThanTheHundredTicketsThereAre() throws Exception {
        Http http = new Http(port);
        TicketTypeSnapshot ga = Events.type("GA", 3000, 100, 4);
        EventSnapshot event = Events.publish(jdbi, Events.onSale(ga));
        int buyers = 300;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(buyers);
        List<Http.Response> responses = new ArrayList<>();
        try {
            List<Callable<Http.Response>> calls = new ArrayList<>();
            for (int i = 0; i < buyers; i++) {
                calls.add(() -> {
                    start.await();
                    return http.placeOrder(event.catalogEventId(), ga.ticketTypeId(), 1);
                });
            }
            List<Future<Http.Response>> futures = new ArrayList<>();
            calls.forEach(c -> futures.add(pool.submit(c)));
            start.countDown();
            for (Future<Http.Response> f : futures) {
                responses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }

        List<Http.Response> created = responses.stream().filter(r -> r.status() == 201).toList();
        List<Http.Response> refused = responses.stream().filter(r -> r.status() == 409).toList();
        assertThat(created).hasSize(100);
        assertThat(refused).hasSize(200);
        assertThat(new HashSet<>(created.stream().map(r -> r.text("orderId")).toList())).hasSize(100);
        assertThat(refused).allSatisfy(r -> {
            assertThat(r.isProblem()).isTrue();
            assertThat(r.text("type")).endsWith("/not-enough-tickets");
            assertThat(r.json().path("available").get(0).path("available").asInt()).isZero();
        });

        int taken = jdbi.withHandle(h -> h.createQuery("""
                        select count(*) from inventory_unit where ticket_type_id = :t and state in ('HELD', 'SOLD')
                        """).bind("t", ga.ticketTypeId()).mapTo(Integer.class).one());
        int holders = jdbi.withHandle(h -> h.createQuery("""
                        select count(distinct order_id) from inventory_unit where ticket_type_id = :t and order_id is not null
                        """).bind("t", ga.ticketTypeId()).mapTo(Integer.class).one());
        int orders = jdbi.withHandle(h -> h.createQuery("""
                        select count(*) from orders o
                         where o.catalog_event_id = :e
                           and (select count(*) from inventory_unit u where u.order_id = o.id) = 1
                        """).bind("e", event.catalogEventId()).mapTo(Integer.class).one());
        assertThat(taken).isEqualTo(100);
        assertThat(holders).isEqualTo(100);
        assertThat(orders).as("every held unit belongs to a stored order holding exactly one").isEqualTo(100);
        var availability = http.get("/api/events/" + event.catalogEventId() + "/availability").json();
        assertThat(availability.path("summary").path("isSoldOut").asBoolean()).isTrue();
        assertThat(availability.path("ticketTypes").get(0).path("held").asInt()).isEqualTo(100);
    }
}
