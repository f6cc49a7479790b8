package io.taquilla.contracts.ordering;

import java.time.Instant;
import java.util.UUID;

/**
 * The order's payment was disputed by the buyer's bank, or the dispute closed. The order stays
 * confirmed; by order-service's policy ({@code revoke-on-dispute}) its tickets are revoked when the
 * dispute opens. A closed dispute, even won, reinstates nothing automatically.
 *
 * @param disputeStatus  Stripe's dispute status, e.g. {@code needs_response}, {@code won}, {@code lost}
 * @param closed         true when the dispute ended
 * @param revokeTickets  true when ticketing must revoke the order's tickets
 */
public record OrderDisputed(
        UUID eventId,
        Instant occurredAt,
        UUID orderId,
        UUID catalogEventId,
        String disputeStatus,
        boolean closed,
        boolean revokeTickets) implements OrderEvent {
}
