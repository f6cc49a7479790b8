package io.taquilla.order.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.taquilla.contracts.catalog.EventSnapshot;
import io.taquilla.contracts.catalog.TicketTypeSnapshot;
import io.taquilla.contracts.common.Money;
import io.taquilla.order.catalog.CatalogCopy;
import io.taquilla.order.checkout.PlaceOrder;
import io.taquilla.order.checkout.domain.RequestedLine;
import io.taquilla.order.expiry.HoldSweeper;
import io.taquilla.order.orders.OrderTransitions;
import io.taquilla.order.orders.Orders;
import io.taquilla.order.orders.StoredOrder;
import io.taquilla.order.support.Events;
import io.taquilla.testsupport.IntegrationTest;
import io.taquilla.web.ApiProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A seeded-random property test: long random sequences of place / pay (in time or late) / fail /
 * expire (swept or not) / refund / capacity change on one event with two ticket types. After every
 * step, in one consistent snapshot: {@code capacity = available + held + sold} per type, no count
 * negative, sold units are exactly those of paid orders, held units belong only to unpaid orders,
 * and no order owns more units than it asked for. A failing seed replays the same sequence.
 */
@IntegrationTest
class InventoryInvariantTest {

    private static final int STEPS = 120;

    @Autowired Jdbi jdbi;
    @Autowired PlaceOrder placeOrder;
    @Autowired OrderTransitions transitions;
    @Autowired HoldSweeper sweeper;
    @Autowired CatalogCopy catalog;
    @Autowired Orders orders;
    @Autowired InventoryCounts counts;

    EventSnapshot event;
    final List<UUID> placed = new ArrayList<>();
    final List<String> log = new ArrayList<>();

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 42, 2024, 31337})
    void countsAlwaysAddUpWhateverHappens(long seed) {
        Random random = new Random(seed);
        event = Events.publish(jdbi, Events.onSale(Events.type("GA", 1000, 6, 4), Events.type("VIP", 5000, 3, 2)));
        for (int step = 0; step < STEPS; step++) {
            String op = step(random);
            log.add(step + ": " + op);
            assertInvariants("seed " + seed + " after " + String.join(" | ", log.subList(Math.max(0, log.size() - 8), log.size())));
        }
    }

    private String step(Random random) {
        int dice = random.nextInt(100);
        if (dice < 35 || placed.isEmpty()) {
            return place(random);
        }
        UUID order = placed.get(random.nextInt(placed.size()));
        if (dice < 50) {
            long total = jdbi.withHandle(h -> orders.find(h, order).orElseThrow().totalMinor());
            return "pay " + jdbi.inTransaction(h -> transitions.paymentSucceeded(h, order, new Money(total, "EUR"), "pi_" + order));
        }
        if (dice < 58) {
            return "fail " + jdbi.inTransaction(h -> transitions.paymentFailed(h, order, "declined"));
        }
        if (dice < 70) {
            backdateHold(order);
            if (random.nextBoolean()) {
                sweeper.sweep();
                return "expire+sweep " + order;
            }
            return "expire " + order;
        }
        if (dice < 80) {
            return "refund " + jdbi.inTransaction(h -> {
                StoredOrder stored = orders.lock(h, order).orElseThrow();
                transitions.requestRefund(h, stored, "test");
                return transitions.paymentRefunded(h, order, stored.total(), false);
            });
        }
        if (dice < 92) {
            return resize(random);
        }
        sweeper.sweep();
        return "sweep";
    }

    private String place(Random random) {
        List<RequestedLine> lines = new ArrayList<>();
        List<TicketTypeSnapshot> types = event.ticketTypes();
        int first = random.nextInt(types.size());
        lines.add(new RequestedLine(types.get(first).ticketTypeId(), 1 + random.nextInt(types.get(first).maxPerOrder())));
        if (random.nextInt(4) == 0) {
            TicketTypeSnapshot other = types.get((first + 1) % types.size());
            lines.add(new RequestedLine(other.ticketTypeId(), 1 + random.nextInt(other.maxPerOrder())));
        }
        try {
            PlaceOrder.Placed result = placeOrder.place(new PlaceOrder.Command(UUID.randomUUID().toString(),
                    event.catalogEventId(), lines, "prop@example.com", "Prop Buyer", null));
            placed.add(result.order().id());
            return "place " + lines + " -> " + result.order().id();
        } catch (ApiProblem problem) {
            assertThat(problem.status().value()).isEqualTo(409);
            return "place " + lines + " -> 409";
        }
    }

    private String resize(Random random) {
        List<TicketTypeSnapshot> types = new ArrayList<>(event.ticketTypes());
        int index = random.nextInt(types.size());
        TicketTypeSnapshot type = types.get(index);
        int capacity = random.nextInt(9);
        types.set(index, new TicketTypeSnapshot(type.ticketTypeId(), type.code(), type.name(), type.price(), capacity,
                type.maxPerOrder()));
        event = Events.with(event, event.status(), event.salesStartAt(), event.salesEndAt(), List.copyOf(types));
        jdbi.useTransaction(h -> catalog.apply(h, event));
        return "capacity " + type.code() + " = " + capacity;
    }

    private void backdateHold(UUID order) {
        jdbi.useTransaction(h -> {
            h.createUpdate("update orders set hold_expires_at = now() - interval '1 second' where id = :id and status = 'AWAITING_PAYMENT'")
                    .bind("id", order).execute();
            h.createUpdate("update inventory_unit set hold_expires_at = now() - interval '1 second' where order_id = :id and state = 'HELD'")
                    .bind("id", order).execute();
        });
    }

    private void assertInvariants(String context) {
        jdbi.useTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
            for (TicketTypeSnapshot type : event.ticketTypes()) {
                var a = counts.forTypes(h, List.of(type.ticketTypeId())).get(0).counts();
                assertThat(a.capacity()).as(context).isEqualTo(a.available() + a.held() + a.sold());
                assertThat(List.of(a.capacity(), a.available(), a.held(), a.sold())).as(context).allMatch(n -> n >= 0);
                int rows = count(h, "select count(*) from inventory_unit where ticket_type_id = :t", type.ticketTypeId());
                int unitCount = count(h, "select unit_count from ticket_type where id = :t", type.ticketTypeId());
                assertThat(rows).as(context).isEqualTo(unitCount).isEqualTo(a.capacity());
                int paidQuantity = count(h, """
                        select coalesce(sum((l->>'quantity')::int), 0) from orders o, jsonb_array_elements(o.lines) l
                         where o.status in ('CONFIRMED', 'REFUND_REQUESTED') and (l->>'ticketTypeId')::uuid = :t
                        """, type.ticketTypeId());
                assertThat(a.sold()).as(context + " sold = paid orders' tickets").isEqualTo(paidQuantity);
            }
            assertThat(count(h, """
                    select count(*) from inventory_unit u join orders o on o.id = u.order_id
                     where (u.state = 'SOLD' and o.status not in ('CONFIRMED', 'REFUND_REQUESTED'))
                        or (u.state = 'HELD' and o.status <> 'AWAITING_PAYMENT')
                    """, null)).as(context + " units owned by orders in the wrong status").isZero();
            Map<String, Integer> over = h.createQuery("""
                            select o.id::text as id, count(u.unit_no)::int - (select sum((l->>'quantity')::int)::int
                                                   from jsonb_array_elements(o.lines) l) as excess
                              from orders o join inventory_unit u on u.order_id = o.id
                             where o.catalog_event_id = :e
                             group by o.id having count(u.unit_no) > (select sum((l->>'quantity')::int) from jsonb_array_elements(o.lines) l)
                            """)
                    .bind("e", event.catalogEventId())
                    .reduceRows(new java.util.HashMap<String, Integer>(), (m, row) -> {
                        m.put(row.getColumn("id", String.class), row.getColumn("excess", Integer.class));
                        return m;
                    });
            assertThat(over).as(context + " orders owning more units than they asked for").isEmpty();
        });
    }

    private static int count(Handle h, String sql, UUID type) {
        var query = h.createQuery(sql);
        if (type != null) {
            query.bind("t", type);
        }
        return query.mapTo(Integer.class).one();
    }
}
