package io.taquilla.order.checkout.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The rules an order must pass before inventory is touched: the event is on sale, each line names
 * one of its active ticket types once, within that type's per-order limit, all in one currency.
 * Returns either a {@link PricedOrder} or a {@link Refusal}, never throws for business reasons.
 */
public final class OrderPricing {

    /** Either/or: exactly one of the two is non-null. */
    public record Outcome(PricedOrder order, Refusal refusal) {

        static Outcome refused(Refusal.Reason reason, String detail) {
            return new Outcome(null, new Refusal(reason, detail));
        }

        public boolean accepted() {
            return order != null;
        }
    }

    private OrderPricing() {
    }

    public static Outcome price(EventOffer offer, List<RequestedLine> requested, Instant now) {
        if (EventOffer.CANCELLED.equals(offer.status())) {
            return Outcome.refused(Refusal.Reason.EVENT_CANCELLED, "Event " + offer.eventId() + " was cancelled");
        }
        if (!offer.onSaleAt(now)) {
            return Outcome.refused(Refusal.Reason.NOT_ON_SALE, "Tickets for " + offer.name() + " are not on sale now");
        }
        List<PricedLine> lines = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        String currency = null;
        long total = 0;
        for (RequestedLine line : requested) {
            if (!seen.add(line.ticketTypeId())) {
                return Outcome.refused(Refusal.Reason.DUPLICATE_LINE,
                        "Ticket type " + line.ticketTypeId() + " appears more than once; put the total quantity in one line");
            }
            TicketTypeOffer type = offer.ticketType(line.ticketTypeId()).filter(TicketTypeOffer::active).orElse(null);
            if (type == null) {
                return Outcome.refused(Refusal.Reason.UNKNOWN_TICKET_TYPE,
                        "Ticket type " + line.ticketTypeId() + " is not sold for this event");
            }
            if (line.quantity() > type.maxPerOrder()) {
                return Outcome.refused(Refusal.Reason.OVER_MAX_PER_ORDER,
                        "At most " + type.maxPerOrder() + " " + type.name() + " tickets per order");
            }
            if (currency != null && !currency.equals(type.currency())) {
                return Outcome.refused(Refusal.Reason.MIXED_CURRENCIES, "All lines of an order must share one currency");
            }
            currency = type.currency();
            PricedLine priced = new PricedLine(type.ticketTypeId(), type.code(), type.name(), line.quantity(), type.priceMinor());
            total = Math.addExact(total, priced.totalMinor());
            lines.add(priced);
        }
        return new Outcome(new PricedOrder(List.copyOf(lines), total, currency), null);
    }
}
