package io.taquilla.scanner.door;

import static org.assertj.core.api.Assertions.assertThat;

import io.taquilla.messaging.retention.Retention;
import io.taquilla.testsupport.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ScanLogRetentionTest {

    @Autowired Jdbi jdbi;
    @Autowired Retention retention;

    @Test
    void scanLinesOlderThan400DaysGoAndNewerOnesStay() {
        UUID event = UUID.randomUUID();
        UUID old = insert(event, "401 days");
        UUID recent = insert(event, "399 days");
        UUID today = insert(event, "1 minute");

        retention.pruneNow();

        List<UUID> left = jdbi.withHandle(h -> h.createQuery("select scan_id from scan_log where catalog_event_id = :event")
                .bind("event", event).mapTo(UUID.class).list());
        assertThat(left).containsExactlyInAnyOrder(recent, today).doesNotContain(old);
    }

    private UUID insert(UUID event, String age) {
        UUID scanId = UUID.randomUUID();
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into scan_log (scan_id, catalog_event_id, gate, device_id, verdict, reason, scanned_at, recorded_at)
                        values (:id, :event, 'A', 'device-1', 'REJECTED', 'UNKNOWN_TICKET', now() - cast(:age as interval),
                                now() - cast(:age as interval))
                        """).bind("id", scanId).bind("event", event).bind("age", age).execute());
        return scanId;
    }
}
