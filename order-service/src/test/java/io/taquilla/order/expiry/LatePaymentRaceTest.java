package io.taquilla.order.expiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taquilla.contracts.catalog.EventSnapshot;
import io.taquilla.contracts.catalog.TicketTypeSnapshot;
import io.taquilla.contracts.common.Money;
import io.taquilla.order.inventory.InventoryLedger;
import io.taquilla.order.inventory.InventoryLedger.Claim;
import io.taquilla.order.orders.OrderTransitions;
import io.taquilla.order.orders.domain.OrderStatus;
import io.taquilla.order.support.Events;
import io.taquilla.order.support.Http;
import io.taquilla.order.support.Orders;
import io.taquilla.testsupport.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A payment that lands after its hold ran out but before the sweeper expired the order, while a
 * new buyer's claim takes one of the run-out units. The two transactions are driven step by step:
 * the new buyer claims first and keeps its transaction open, the payment starts and is seen
 * waiting on the claimed row's lock in PostgreSQL, then the new buyer commits. Before the fix the
 * order counted its units without locking them, sold what was left and confirmed the full
 * quantity with one unit sold to someone else.
 */
@IntegrationTest
class LatePaymentRaceTest {

    @LocalServerPort int port;
    @Autowired Jdbi jdbi;
    @Autowired InventoryLedger ledger;
    @Autowired OrderTransitions transitions;

    @Test
    void aLatePaymentThatLosesAUnitToANewBuyerIsRejectedForRefundWhenNothingIsLeft() throws Exception {
        TicketTypeSnapshot ga = Events.type("GA", 1500, 2, 2);
        UUID late = lateOrderRacingANewBuyer(ga, null);

        assertThat(Orders.status(jdbi, late)).isEqualTo("REJECTED");
        assertThat(soldTo(late)).isZero();
        assertThat(Orders.units(jdbi, ga.ticketTypeId(), "SOLD")).isZero();
        assertThat(outboxTypes(late)).contains("OrderRejected").doesNotContain("OrderConfirmed");
    }

    @Test
    void aLatePaymentThatLosesAUnitToANewBuyerReacquiresWhenUnitsAreFree() throws Exception {
        TicketTypeSnapshot ga = Events.type("GA", 1500, 3, 2);
        UUID late = lateOrderRacingANewBuyer(ga, "third unit freed meanwhile");

        assertThat(Orders.status(jdbi, late)).isEqualTo("CONFIRMED");
        assertThat(soldTo(late)).isEqualTo(2);
        assertThat(outboxTypes(late)).containsOnlyOnce("OrderConfirmed");
    }

    /**
     * Order of 2 whose units' holds ran out (its order row still says AWAITING_PAYMENT, so the
     * sweeper leaves it alone); a new buyer claims one run-out unit and keeps it locked; the payment
     * arrives and blocks on that unit; the new buyer commits; the payment finishes.
     * With {@code freeAThirdUnit}, the third unit (held by another live order) is freed before the
     * payment arrives, so re-acquiring can succeed.
     */
    private UUID lateOrderRacingANewBuyer(TicketTypeSnapshot ga, String freeAThirdUnit) throws Exception {
        Http http = new Http(port);
        EventSnapshot event = Events.publish(jdbi, Events.onSale(ga));
        UUID other = freeAThirdUnit == null ? null
                : UUID.fromString(http.placeOrder(event.catalogEventId(), ga.ticketTypeId(), 1).text("orderId"));
        UUID late = UUID.fromString(http.placeOrder(event.catalogEventId(), ga.ticketTypeId(), 2).text("orderId"));
        jdbi.useHandle(h -> h.createUpdate("""
                        update inventory_unit set hold_expires_at = now() - interval '1 second'
                         where order_id = :id and state = 'HELD'
                        """).bind("id", late).execute());

        UUID newBuyer = UUID.randomUUID();
        try (Handle buyer = jdbi.open()) {
            buyer.begin();
            assertThat(ledger.claim(buyer, newBuyer, List.of(new Claim(ga.ticketTypeId(), "GA", 1)),
                    Instant.now().plus(10, ChronoUnit.MINUTES))).isEmpty();
            if (other != null) {
                jdbi.useHandle(h -> h.createUpdate("update inventory_unit set state = 'FREE', order_id = null, "
                        + "hold_expires_at = null where order_id = :id").bind("id", other).execute());
            }

            CompletableFuture<OrderStatus> payment = CompletableFuture.supplyAsync(() -> jdbi.inTransaction(h ->
                    transitions.paymentSucceeded(h, late, new Money(3000, "EUR"), "pi_race_" + late)));
            await().atMost(Duration.ofSeconds(20)).until(() -> waitingOnAUnitLock() || payment.isDone());
            buyer.commit();
            payment.get(20, TimeUnit.SECONDS);
        }
        assertThat(soldTo(newBuyer) + heldBy(newBuyer)).isEqualTo(1);
        return late;
    }

    private boolean waitingOnAUnitLock() {
        return jdbi.withHandle(h -> h.createQuery("""
                        select count(*) from pg_stat_activity
                         where wait_event_type = 'Lock' and query ilike '%inventory_unit%'
                        """).mapTo(Integer.class).one()) > 0;
    }

    private int soldTo(UUID orderId) {
        return countUnits(orderId, "SOLD");
    }

    private int heldBy(UUID orderId) {
        return countUnits(orderId, "HELD");
    }

    private int countUnits(UUID orderId, String state) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select count(*) from inventory_unit where order_id = :o and state = :s")
                .bind("o", orderId).bind("s", state).mapTo(Integer.class).one());
    }

    private List<String> outboxTypes(UUID orderId) {
        return jdbi.withHandle(h -> h.createQuery("select type from outbox where aggregateid = :id order by 1")
                .bind("id", orderId.toString()).mapTo(String.class).list());
    }
}
