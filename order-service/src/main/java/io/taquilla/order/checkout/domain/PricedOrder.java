package io.taquilla.order.checkout.domain;

import java.util.List;

/** The lines of an order the rules accepted, with the total the buyer pays. */
public record PricedOrder(List<PricedLine> lines, long totalMinor, String currency) {

    public boolean free() {
        return totalMinor == 0;
    }
}
