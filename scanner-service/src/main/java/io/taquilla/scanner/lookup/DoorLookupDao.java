package io.taquilla.scanner.lookup;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** What door staff may read: events to pick, tickets to find by number or name, recent scans. */
@RegisterConstructorMapper(DoorLookupDao.EventRow.class)
@RegisterConstructorMapper(DoorLookupDao.TicketRow.class)
@RegisterConstructorMapper(DoorLookupDao.ScanRow.class)
@RegisterConstructorMapper(DoorLookupDao.RosterRow.class)
public interface DoorLookupDao {

    record EventRow(UUID catalogEventId, String name, Instant startsAt, Instant doorsOpenAt, String status) {}

    record TicketRow(UUID ticketId, String ticketNumber, String ticketTypeName, String holderName, String status,
                     Instant checkedInAt, String checkedInGate, String checkedInDevice) {}

    record ScanRow(Instant scannedAt, String gate, String deviceId, String verdict, String reason, boolean offline,
                   String ticketNumber, String ticketTypeName, String holderName) {}

    record RosterRow(UUID ticketId, String ticketNumber, String ticketTypeName, String holderName) {}

    /** Events whose doors have not long closed, soonest first. */
    @SqlQuery("""
            select catalog_event_id, name, starts_at, doors_open_at, status from scannable_event
             where status <> 'DRAFT' and starts_at > :since order by starts_at limit 50
            """)
    List<EventRow> events(@Bind("since") Instant since);

    /**
     * Exact ticket number (case-insensitive) or a part of the holder's or buyer's name. The number
     * is matched whole: a prefix search would let a door guess its way through ticket numbers.
     */
    @SqlQuery("""
            select ticket_id, ticket_number, ticket_type_name, holder_name, status, checked_in_at, checked_in_gate,
                   checked_in_device
              from ticket
             where catalog_event_id = :eventId and issued
               and (upper(ticket_number) = upper(:q) or holder_name ilike '%' || :like || '%' escape '\\')
             order by holder_name, ticket_number limit 20
            """)
    List<TicketRow> search(@Bind("eventId") UUID eventId, @Bind("q") String q, @Bind("like") String like);

    @SqlQuery("""
            select ticket_id, ticket_number, ticket_type_name, holder_name, status, checked_in_at, checked_in_gate,
                   checked_in_device
              from ticket where ticket_id = :ticketId and catalog_event_id = :eventId
            """)
    java.util.Optional<TicketRow> ticket(@Bind("eventId") UUID eventId, @Bind("ticketId") UUID ticketId);

    @SqlQuery("""
            select s.scanned_at, s.gate, s.device_id, s.verdict, s.reason, s.offline,
                   t.ticket_number, t.ticket_type_name, t.holder_name
              from scan_log s left join ticket t on t.ticket_id = s.ticket_id
             where s.catalog_event_id = :eventId order by s.recorded_at desc, s.scanned_at desc limit :limit
            """)
    List<ScanRow> recentScans(@Bind("eventId") UUID eventId, @Bind("limit") int limit);

    /** Every issued ticket of the event, so an offline device can show who it lets in. */
    @SqlQuery("""
            select ticket_id, ticket_number, ticket_type_name, holder_name from ticket
             where catalog_event_id = :eventId and issued order by ticket_id
            """)
    List<RosterRow> roster(@Bind("eventId") UUID eventId);

    @SqlQuery("select coalesce(max(change_seq), 0) from ticket where catalog_event_id = :eventId")
    long version(@Bind("eventId") UUID eventId);
}
