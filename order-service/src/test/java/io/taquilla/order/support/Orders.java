package io.taquilla.order.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Direct looks at and nudges to order-service's tables, for tests. */
public final class Orders {

    private Orders() {
    }

    public static String status(Jdbi jdbi, UUID orderId) {
        return jdbi.withHandle(h -> h.createQuery("select status from orders where id = :id")
                .bind("id", orderId).mapTo(String.class).one());
    }

    public static void awaitStatus(Jdbi jdbi, UUID orderId, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(status(jdbi, orderId)));
    }

    /** Lets the order's hold run out now, as if its hold duration had passed. */
    public static void expireHold(Jdbi jdbi, UUID orderId) {
        jdbi.useTransaction(h -> {
            h.createUpdate("update orders set hold_expires_at = now() - interval '1 second' where id = :id")
                    .bind("id", orderId).execute();
            h.createUpdate("""
                            update inventory_unit set hold_expires_at = now() - interval '1 second'
                             where order_id = :id and state = 'HELD'
                            """)
                    .bind("id", orderId).execute();
        });
    }

    public static int units(Jdbi jdbi, UUID ticketTypeId, String state) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select count(*) from inventory_unit where ticket_type_id = :t and state = :state")
                .bind("t", ticketTypeId).bind("state", state).mapTo(Integer.class).one());
    }
}
