package io.taquilla.order.checkout.domain;

import java.util.UUID;

/** One order line with name and price frozen at order time. */
public record PricedLine(UUID ticketTypeId, String code, String name, int quantity, long unitPriceMinor) {

    public long totalMinor() {
        return unitPriceMinor * quantity;
    }
}
