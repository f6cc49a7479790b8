package io.taquilla.order.checkout.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderPricingTest {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    final TicketTypeOffer ga = new TicketTypeOffer(UUID.randomUUID(), "GA", "General", 2500, "EUR", 4, true);
    final TicketTypeOffer vip = new TicketTypeOffer(UUID.randomUUID(), "VIP", "VIP", 9000, "EUR", 2, true);
    final TicketTypeOffer gone = new TicketTypeOffer(UUID.randomUUID(), "OLD", "Old", 100, "EUR", 2, false);

    EventOffer event(String status, Instant salesStart, Instant salesEnd, TicketTypeOffer... types) {
        return new EventOffer(UUID.randomUUID(), "Show", "Venue", NOW.plus(10, ChronoUnit.DAYS), salesStart, salesEnd,
                status, List.of(types));
    }

    EventOffer onSale() {
        return event("PUBLISHED", NOW.minusSeconds(60), NOW.plusSeconds(60), ga, vip, gone);
    }

    @Test
    void pricesEveryLineAndTotalsInMinorUnits() {
        var outcome = OrderPricing.price(onSale(), List.of(new RequestedLine(ga.ticketTypeId(), 3),
                new RequestedLine(vip.ticketTypeId(), 1)), NOW);
        assertThat(outcome.accepted()).isTrue();
        assertThat(outcome.order().totalMinor()).isEqualTo(3 * 2500 + 9000);
        assertThat(outcome.order().currency()).isEqualTo("EUR");
        assertThat(outcome.order().lines()).extracting(PricedLine::code).containsExactly("GA", "VIP");
        assertThat(outcome.order().free()).isFalse();
    }

    @Test
    void refusesWhatCannotBeSold() {
        assertThat(reason(event("CANCELLED", null, null, ga), ga, 1)).isEqualTo(Refusal.Reason.EVENT_CANCELLED);
        assertThat(reason(event("DRAFT", null, null, ga), ga, 1)).isEqualTo(Refusal.Reason.NOT_ON_SALE);
        assertThat(reason(event("PUBLISHED", NOW.plusSeconds(1), null, ga), ga, 1)).isEqualTo(Refusal.Reason.NOT_ON_SALE);
        assertThat(reason(event("PUBLISHED", null, NOW, ga), ga, 1)).isEqualTo(Refusal.Reason.NOT_ON_SALE);
        assertThat(reason(onSale(), ga, 5)).isEqualTo(Refusal.Reason.OVER_MAX_PER_ORDER);
        assertThat(reason(onSale(), gone, 1)).isEqualTo(Refusal.Reason.UNKNOWN_TICKET_TYPE);
        assertThat(OrderPricing.price(onSale(), List.of(new RequestedLine(UUID.randomUUID(), 1)), NOW).refusal().reason())
                .isEqualTo(Refusal.Reason.UNKNOWN_TICKET_TYPE);
        assertThat(OrderPricing.price(onSale(), List.of(new RequestedLine(ga.ticketTypeId(), 1),
                new RequestedLine(ga.ticketTypeId(), 1)), NOW).refusal().reason()).isEqualTo(Refusal.Reason.DUPLICATE_LINE);
        TicketTypeOffer usd = new TicketTypeOffer(UUID.randomUUID(), "US", "US", 100, "USD", 2, true);
        assertThat(OrderPricing.price(event("PUBLISHED", null, null, ga, usd), List.of(new RequestedLine(ga.ticketTypeId(), 1),
                new RequestedLine(usd.ticketTypeId(), 1)), NOW).refusal().reason()).isEqualTo(Refusal.Reason.MIXED_CURRENCIES);
    }

    @Test
    void anOpenEndedSalesWindowIsOnSale() {
        assertThat(OrderPricing.price(event("PUBLISHED", null, null, ga), List.of(new RequestedLine(ga.ticketTypeId(), 4)),
                NOW).accepted()).isTrue();
    }

    private Refusal.Reason reason(EventOffer offer, TicketTypeOffer type, int quantity) {
        var outcome = OrderPricing.price(offer, List.of(new RequestedLine(type.ticketTypeId(), quantity)), NOW);
        assertThat(outcome.accepted()).isFalse();
        return outcome.refusal().reason();
    }
}
