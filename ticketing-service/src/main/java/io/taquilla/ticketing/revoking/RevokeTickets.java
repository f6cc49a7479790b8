package io.taquilla.ticketing.revoking;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.taquilla.contracts.Topics;
import io.taquilla.contracts.ticketing.TicketsRevoked;
import io.taquilla.messaging.outbox.Outbox;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A refunded, cancelled or disputed order's tickets stop admitting anyone: they are marked revoked and one
 * {@code TicketsRevoked} tells scanners and the buyer. Revoking again changes and publishes nothing.
 */
@Component
public class RevokeTickets {

    public static final String REFUNDED = "refunded";
    public static final String CANCELLED = "cancelled";
    /** The payment was disputed and order-service's policy revokes disputed orders' tickets. */
    public static final String DISPUTED = "disputed";

    private static final Logger log = LoggerFactory.getLogger(RevokeTickets.class);

    private record Revoked(UUID ticketId, UUID catalogEventId) {}

    private final Outbox outbox;
    private final Counter revoked;

    public RevokeTickets(Outbox outbox, MeterRegistry meters) {
        this.outbox = outbox;
        this.revoked = Counter.builder("taquilla.tickets.revoked").description("Tickets revoked").register(meters);
    }

    public void apply(Handle handle, UUID orderId, String reason) {
        Instant now = Instant.now();
        List<Revoked> tickets = handle.createQuery("""
                        update tickets set status = 'REVOKED', revoked_at = :now, revoke_reason = :reason
                        where order_id = :orderId and status = 'ISSUED'
                        returning ticket_id, catalog_event_id
                        """)
                .bind("now", now)
                .bind("reason", reason)
                .bind("orderId", orderId)
                .map((rs, ctx) -> new Revoked(rs.getObject("ticket_id", UUID.class), rs.getObject("catalog_event_id", UUID.class)))
                .list();
        if (tickets.isEmpty()) {
            log.info("order {} has no valid tickets to revoke ({})", orderId, reason);
            return;
        }
        outbox.append(handle, Topics.TICKETING_TICKET, new TicketsRevoked(UUID.randomUUID(), now, orderId,
                tickets.get(0).catalogEventId(), tickets.stream().map(Revoked::ticketId).sorted().toList(), reason));
        revoked.increment(tickets.size());
        log.info("revoked {} tickets of order {} ({})", tickets.size(), orderId, reason);
    }
}
