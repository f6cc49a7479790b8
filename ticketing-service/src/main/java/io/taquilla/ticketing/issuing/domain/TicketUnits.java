package io.taquilla.ticketing.issuing.domain;

import io.taquilla.contracts.ordering.OrderLine;
import java.util.ArrayList;
import java.util.List;

/**
 * One ticket per unit of every order line, each with a stable position
 * {@code (lineIndex, unitIndex)} — the natural key that makes a second issuance impossible.
 */
public final class TicketUnits {

    /** More than any venue sells to one buyer; a bigger quantity is a bug upstream, not a sale. */
    public static final int MAX_TICKETS_PER_ORDER = 1000;

    public record Unit(int lineIndex, int unitIndex, OrderLine line) {}

    private TicketUnits() {
    }

    /** @throws IllegalArgumentException for lines no ticket can be printed from */
    public static List<Unit> of(List<OrderLine> lines) {
        if (lines == null || lines.isEmpty()) {
            throw new IllegalArgumentException("a confirmed order without lines has no tickets to issue");
        }
        List<Unit> units = new ArrayList<>();
        for (int lineIndex = 0; lineIndex < lines.size(); lineIndex++) {
            OrderLine line = lines.get(lineIndex);
            if (line == null || line.ticketTypeId() == null || line.unitPrice() == null || line.quantity() < 0) {
                throw new IllegalArgumentException("order line " + lineIndex + " is incomplete: " + line);
            }
            for (int unitIndex = 0; unitIndex < line.quantity(); unitIndex++) {
                units.add(new Unit(lineIndex, unitIndex, line));
            }
            if (units.size() > MAX_TICKETS_PER_ORDER) {
                throw new IllegalArgumentException("more than " + MAX_TICKETS_PER_ORDER + " tickets in one order");
            }
        }
        return units;
    }
}
