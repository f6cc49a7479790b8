package io.taquilla.scanner.door;

import io.taquilla.contracts.Topics;
import io.taquilla.contracts.scanning.TicketScanned;
import io.taquilla.messaging.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Online scan log lines are written a few milliseconds after the check-in commits. If the
 * service died in between, the ticket row still names the admitting scan; at start-up every such
 * admission without its log line gets it (and its {@code TicketScanned}) back.
 */
@Component
class ScanLogRecovery implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ScanLogRecovery.class);

    private record Missing(UUID scanId, UUID ticketId, UUID catalogEventId, String gate, String device, Instant at) {}

    private final Jdbi jdbi;
    private final Outbox outbox;
    private final Clock clock;

    ScanLogRecovery(Jdbi jdbi, Outbox outbox, Clock clock) {
        this.jdbi = jdbi;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        int restored = jdbi.inTransaction(handle -> {
            List<Missing> missing = handle.createQuery("""
                    select checked_in_scan_id, ticket_id, catalog_event_id, checked_in_gate, checked_in_device, checked_in_at
                      from ticket t
                     where checked_in_scan_id is not null and not checked_in_offline
                       and not exists (select 1 from scan_log l where l.scan_id = t.checked_in_scan_id)
                    """).map((rs, ctx) -> new Missing(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5),
                            rs.getObject(6, java.time.OffsetDateTime.class).toInstant())).list();
            for (Missing m : missing) {
                handle.createUpdate("""
                        insert into scan_log (scan_id, catalog_event_id, ticket_id, gate, device_id, verdict, scanned_at)
                        values (:scanId, :catalogEventId, :ticketId, :gate, :device, 'ACCEPTED', :at)
                        on conflict do nothing
                        """).bindMethods(m).execute();
                outbox.append(handle, Topics.SCANNING_SCAN, new TicketScanned(UUID.randomUUID(), clock.instant(),
                        m.scanId(), m.ticketId(), m.catalogEventId(), m.gate(), m.device(), "ACCEPTED", null, m.at(), false));
            }
            return missing.size();
        });
        if (restored > 0) {
            log.warn("restored {} scan log lines of check-ins the service had not logged before stopping", restored);
        }
    }
}
