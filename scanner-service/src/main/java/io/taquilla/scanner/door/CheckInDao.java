package io.taquilla.scanner.door;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The check-in itself: one statement that admits a ticket only if nobody has yet. Two devices
 * scanning one ticket at the same instant both reach the row; PostgreSQL lets one update it and
 * makes the other re-check {@code checked_in_at is null} against the committed row, so exactly
 * one gets a row back.
 */
@RegisterConstructorMapper(CheckInDao.Admitted.class)
@RegisterConstructorMapper(CheckInDao.TicketState.class)
public interface CheckInDao {

    record Admitted(UUID ticketTypeId, String ticketTypeName, String ticketNumber, String holderName, boolean issued) {}

    record TicketState(UUID ticketId, UUID catalogEventId, UUID ticketTypeId, String ticketTypeName, String ticketNumber,
                       String holderName, boolean issued, String status, Instant checkedInAt, String checkedInGate,
                       String checkedInDevice, UUID checkedInScanId, boolean checkedInOffline) {}

    /**
     * Admits a cached, valid, unused ticket, or — when the cache has not seen the ticket yet but its
     * signature proved issuance — inserts it already checked in. No row back: used or revoked.
     */
    @SqlQuery("""
            insert into ticket as t (ticket_id, catalog_event_id, ticket_type_id, checked_in_at, checked_in_gate,
                                     checked_in_device, checked_in_scan_id)
            values (:ticketId, :eventId, :ticketTypeId, :at, :gate, :device, :scanId)
            on conflict (ticket_id) do update
               set checked_in_at = excluded.checked_in_at, checked_in_gate = excluded.checked_in_gate,
                   checked_in_device = excluded.checked_in_device, checked_in_scan_id = excluded.checked_in_scan_id,
                   checked_in_offline = false, change_seq = nextval('ticket_change_seq')
             where t.checked_in_at is null and t.status = 'VALID'
            returning t.ticket_type_id, t.ticket_type_name, t.ticket_number, t.holder_name, t.issued
            """)
    Optional<Admitted> admitOrInsert(@Bind("ticketId") UUID ticketId, @Bind("eventId") UUID eventId,
                                     @Bind("ticketTypeId") UUID ticketTypeId, @Bind("at") Instant at,
                                     @Bind("gate") String gate, @Bind("device") String device,
                                     @Bind("scanId") UUID scanId);

    /** Strict mode: only tickets the cache already holds are admitted. */
    @SqlQuery("""
            update ticket
               set checked_in_at = :at, checked_in_gate = :gate, checked_in_device = :device,
                   checked_in_scan_id = :scanId, checked_in_offline = false,
                   change_seq = nextval('ticket_change_seq')
             where ticket_id = :ticketId and checked_in_at is null and status = 'VALID'
            returning ticket_type_id, ticket_type_name, ticket_number, holder_name, issued
            """)
    Optional<Admitted> admitCached(@Bind("ticketId") UUID ticketId, @Bind("at") Instant at, @Bind("gate") String gate,
                                   @Bind("device") String device, @Bind("scanId") UUID scanId);

    @SqlQuery("""
            select ticket_id, catalog_event_id, ticket_type_id, ticket_type_name, ticket_number, holder_name, issued,
                   status, checked_in_at, checked_in_gate, checked_in_device, checked_in_scan_id, checked_in_offline
              from ticket where ticket_id = :ticketId
            """)
    Optional<TicketState> find(@Bind("ticketId") UUID ticketId);
}
