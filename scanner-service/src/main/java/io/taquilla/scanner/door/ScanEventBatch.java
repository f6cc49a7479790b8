package io.taquilla.scanner.door;

import io.taquilla.contracts.Topics;
import io.taquilla.contracts.scanning.TicketScanned;
import io.taquilla.messaging.EventJson;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Appends many {@code TicketScanned} events to the outbox in one JDBC batch (one round trip),
 * in exactly the row shape {@code io.taquilla.messaging.outbox.Outbox#append} writes; the platform
 * outbox only appends one event per statement. Background batches carry no correlation id.
 */
final class ScanEventBatch {

    private static final String INSERT = """
            insert into outbox (id, topic, aggregatetype, aggregateid, type, payload, headers)
            values (:id, :topic, 'scan', :aggregateId, :type, cast(:payload as jsonb), '{}'::jsonb)
            """;

    void appendAll(Handle handle, List<TicketScanned> events) {
        if (events.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch(INSERT);
        for (TicketScanned event : events) {
            batch.bind("id", event.eventId())
                    .bind("topic", Topics.SCANNING_SCAN)
                    .bind("aggregateId", event.aggregateId())
                    .bind("type", TicketScanned.class.getSimpleName())
                    .bind("payload", EventJson.MAPPER.writeValueAsString(event))
                    .add();
        }
        batch.execute();
    }
}
