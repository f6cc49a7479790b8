package io.taquilla.payment.support;

import io.taquilla.contracts.common.Customer;
import io.taquilla.contracts.common.Money;
import io.taquilla.contracts.ordering.OrderLine;
import io.taquilla.contracts.ordering.OrderPlaced;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Order events as order-service would publish them. */
public final class Orders {

    private Orders() {
    }

    /** Two GA tickets at 25.00 EUR and one VIP at 60.00: 110.00 EUR, held for 15 minutes. */
    public static OrderPlaced placed(UUID orderId) {
        return placed(orderId, UUID.randomUUID());
    }

    public static OrderPlaced placed(UUID orderId, UUID catalogEventId) {
        return new OrderPlaced(UUID.randomUUID(), Instant.now(), orderId, catalogEventId,
                List.of(new OrderLine(UUID.randomUUID(), "GA", "General admission", 2, new Money(2500, "EUR")),
                        new OrderLine(UUID.randomUUID(), "VIP", "VIP balcony", 1, new Money(6000, "EUR"))),
                new Money(11000, "EUR"), new Customer("ana@example.com", "Ana Buyer", null),
                Instant.now().plus(15, ChronoUnit.MINUTES));
    }

    public static final long TOTAL = 11000;
}
