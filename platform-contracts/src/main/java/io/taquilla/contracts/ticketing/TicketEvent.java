package io.taquilla.contracts.ticketing;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.taquilla.contracts.TaquillaEvent;

import java.util.UUID;

/** Events on {@code ticketing.ticket.v1}, keyed by order id so revocation never overtakes issuance. */
public sealed interface TicketEvent extends TaquillaEvent permits TicketsIssued, TicketsRevoked {

    UUID orderId();

    @Override
    @JsonIgnore
    default String aggregateId() {
        return orderId().toString();
    }
}
