package io.taquilla.notification.delivery.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.taquilla.contracts.common.Customer;
import io.taquilla.contracts.common.Money;
import io.taquilla.contracts.ordering.OrderCancelled;
import io.taquilla.contracts.ordering.OrderExpired;
import io.taquilla.contracts.ordering.OrderRefunded;
import io.taquilla.contracts.ordering.OrderRejected;
import io.taquilla.contracts.ticketing.IssuedTicket;
import io.taquilla.contracts.ticketing.TicketsIssued;
import io.taquilla.contracts.ticketing.TicketsRevoked;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeliveryPlanTest {

    private final UUID orderId = UUID.randomUUID();
    private final Customer withPhone = new Customer("a@example.com", "Ana", "+34600111222");
    private final Customer withoutPhone = new Customer("a@example.com", "Ana", null);

    @Test
    void ticketsGoByEmailAndBySmsWhenThereIsAPhone() {
        assertThat(DeliveryPlan.forEvent(tickets(withPhone))).containsExactly(
                new PlannedDelivery(orderId, DeliveryKind.TICKETS, Channel.EMAIL, "a@example.com"),
                new PlannedDelivery(orderId, DeliveryKind.TICKETS, Channel.SMS, "+34600111222"));
        assertThat(DeliveryPlan.forEvent(tickets(withoutPhone))).extracting(PlannedDelivery::channel)
                .containsExactly(Channel.EMAIL);
        assertThat(DeliveryPlan.forEvent(tickets(new Customer("a@example.com", "Ana", "  "))))
                .extracting(PlannedDelivery::channel).containsExactly(Channel.EMAIL);
    }

    @Test
    void orderNewsGoesByEmailAndLatePaymentNewsIsOneKind() {
        Money money = new Money(1000, "EUR");
        assertThat(DeliveryPlan.forEvent(new OrderExpired(UUID.randomUUID(), Instant.now(), orderId, UUID.randomUUID(), withPhone)))
                .extracting(PlannedDelivery::kind, PlannedDelivery::channel)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DeliveryKind.ORDER_EXPIRED, Channel.EMAIL));
        assertThat(DeliveryPlan.forEvent(new OrderRefunded(UUID.randomUUID(), Instant.now(), orderId, UUID.randomUUID(),
                withoutPhone, money, false))).extracting(PlannedDelivery::kind).containsExactly(DeliveryKind.REFUND);
        assertThat(DeliveryPlan.forEvent(new OrderRefunded(UUID.randomUUID(), Instant.now(), orderId, UUID.randomUUID(),
                withoutPhone, money, true))).extracting(PlannedDelivery::kind).containsExactly(DeliveryKind.LATE_PAYMENT_REFUNDED);
        assertThat(DeliveryPlan.forEvent(new OrderRejected(UUID.randomUUID(), Instant.now(), orderId, UUID.randomUUID(),
                withoutPhone, money, "pi_1", "late"))).extracting(PlannedDelivery::kind)
                .containsExactly(DeliveryKind.LATE_PAYMENT_REFUNDED);
    }

    @Test
    void otherEventsAndBuyersWithoutAnEmailCallForNothing() {
        assertThat(DeliveryPlan.forEvent(new OrderCancelled(UUID.randomUUID(), Instant.now(), orderId, UUID.randomUUID(),
                withPhone, "buyer"))).isEmpty();
        assertThat(DeliveryPlan.forEvent(new TicketsRevoked(UUID.randomUUID(), Instant.now(), orderId, UUID.randomUUID(),
                List.of(), "refund"))).isEmpty();
        assertThat(DeliveryPlan.forEvent(new OrderExpired(UUID.randomUUID(), Instant.now(), orderId, UUID.randomUUID(),
                new Customer(" ", "x", null)))).isEmpty();
        assertThat(DeliveryPlan.forEvent(new OrderExpired(UUID.randomUUID(), Instant.now(), orderId, UUID.randomUUID(), null)))
                .isEmpty();
    }

    @Test
    void formatsMoneyInMinorUnitsOfTheCurrency() {
        assertThat(Formats.money(new Money(2500, "EUR"))).isEqualTo("25.00 EUR");
        assertThat(Formats.money(new Money(5, "EUR"))).isEqualTo("0.05 EUR");
        assertThat(Formats.money(new Money(1500, "JPY"))).isEqualTo("1500 JPY");
        assertThat(Formats.oneLine("a\r\nb", 10)).isEqualTo("a b");
    }

    private TicketsIssued tickets(Customer customer) {
        return new TicketsIssued(UUID.randomUUID(), Instant.now(), orderId, UUID.randomUUID(), "Fest", "Venue",
                Instant.now(), customer, List.of(new IssuedTicket(UUID.randomUUID(), "TQ-1", UUID.randomUUID(), "GA", "Ana",
                new Money(100, "EUR"), "token")));
    }
}
