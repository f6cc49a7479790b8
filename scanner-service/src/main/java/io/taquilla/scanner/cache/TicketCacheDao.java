package io.taquilla.scanner.cache;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;

/** Keeps the scannable-ticket table in step with ticketing's events; never touches check-in columns. */
public interface TicketCacheDao {

    record IssuedRow(UUID ticketId, UUID catalogEventId, UUID orderId, UUID ticketTypeId, String ticketTypeName,
                     String ticketNumber, String holderName) {}

    @SqlBatch("""
            insert into ticket (ticket_id, catalog_event_id, order_id, ticket_type_id, ticket_type_name, ticket_number,
                                holder_name, issued)
            values (:ticketId, :catalogEventId, :orderId, :ticketTypeId, :ticketTypeName, :ticketNumber, :holderName, true)
            on conflict (ticket_id) do update
               set order_id = excluded.order_id, ticket_type_id = excluded.ticket_type_id,
                   ticket_type_name = excluded.ticket_type_name, ticket_number = excluded.ticket_number,
                   holder_name = excluded.holder_name, issued = true, change_seq = nextval('ticket_change_seq')
            """)
    void issue(@BindMethods List<IssuedRow> tickets);

    @SqlBatch("""
            insert into ticket (ticket_id, catalog_event_id, order_id, status, revoked_at, revoked_reason)
            values (:ticketId, :catalogEventId, :orderId, 'REVOKED', :revokedAt, :reason)
            on conflict (ticket_id) do update
               set status = 'REVOKED', revoked_at = excluded.revoked_at, revoked_reason = excluded.revoked_reason,
                   change_seq = nextval('ticket_change_seq')
            """)
    void revoke(@Bind("ticketId") List<UUID> ticketIds, @Bind("catalogEventId") UUID catalogEventId,
                @Bind("orderId") UUID orderId, @Bind("revokedAt") Instant revokedAt, @Bind("reason") String reason);
}
