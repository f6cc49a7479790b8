package io.taquilla.scanner.offline;

import io.taquilla.scanner.door.CheckInDao;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Offline uploads decide under a row lock, since the earliest scan may displace a later check-in. */
@RegisterConstructorMapper(CheckInDao.TicketState.class)
@RegisterConstructorMapper(OfflineCheckInDao.Logged.class)
public interface OfflineCheckInDao {

    record Logged(UUID scanId, UUID ticketId, String verdict, String reason, boolean conflict) {}

    /** A validly signed ticket the cache has not seen yet gets a row to lock. */
    @SqlUpdate("""
            insert into ticket (ticket_id, catalog_event_id, ticket_type_id) values (:ticketId, :eventId, :ticketTypeId)
            on conflict (ticket_id) do nothing
            """)
    void insertIfMissing(@Bind("ticketId") UUID ticketId, @Bind("eventId") UUID eventId,
                         @Bind("ticketTypeId") UUID ticketTypeId);

    @SqlQuery("""
            select ticket_id, catalog_event_id, ticket_type_id, ticket_type_name, ticket_number, holder_name, issued,
                   status, checked_in_at, checked_in_gate, checked_in_device, checked_in_scan_id, checked_in_offline
              from ticket where ticket_id = :ticketId
               for update
            """)
    Optional<CheckInDao.TicketState> lock(@Bind("ticketId") UUID ticketId);

    @SqlUpdate("""
            update ticket
               set checked_in_at = :at, checked_in_gate = :gate, checked_in_device = :device,
                   checked_in_scan_id = :scanId, checked_in_offline = true, change_seq = nextval('ticket_change_seq')
             where ticket_id = :ticketId
            """)
    void checkIn(@Bind("ticketId") UUID ticketId, @Bind("at") Instant at, @Bind("gate") String gate,
                 @Bind("device") String device, @Bind("scanId") UUID scanId);

    @SqlQuery("select scan_id, ticket_id, verdict, reason, conflict from scan_log where device_id = :device and nonce = :nonce")
    Optional<Logged> findUpload(@Bind("device") String deviceId, @Bind("nonce") String nonce);
}
