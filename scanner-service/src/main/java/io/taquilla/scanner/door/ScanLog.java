package io.taquilla.scanner.door;

import io.taquilla.contracts.Topics;
import io.taquilla.contracts.scanning.TicketScanned;
import io.taquilla.messaging.outbox.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Writes scans to {@code scan_log} and their {@code TicketScanned} events to the outbox.
 * Online scans are queued ({@link #writeLater}) and written in batches — one transaction, one
 * round trip per table per batch — by one background thread, a few milliseconds behind the
 * answer: the door's hot path is then a single statement, and a flood of forged codes never
 * reaches the database one request at a time. If the queue is full (the database is down or far
 * behind) the line is dropped and counted rather than blocking the door. Offline uploads log on
 * their own transaction ({@link #writeOnce}), which is what makes them idempotent.
 */
@Component
public class ScanLog implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ScanLog.class);
    private static final int BATCH = 500;
    private static final String INSERT = """
            insert into scan_log (scan_id, catalog_event_id, ticket_id, gate, device_id, verdict, reason, scanned_at,
                                  offline, nonce, conflict, staff_subject)
            values (:scanId, :catalogEventId, :ticketId, :gate, :deviceId, :verdict, :reason, :scannedAt,
                    :offline, :nonce, :conflict, :staff)
            """;

    private final Jdbi jdbi;
    private final Outbox outbox;
    private final ScanEventBatch events;
    private final Clock clock;
    private final BlockingQueue<LoggedScan> queue = new ArrayBlockingQueue<>(20_000);
    private final Counter dropped;
    private volatile boolean running;
    private Thread writer;

    public ScanLog(Jdbi jdbi, Outbox outbox, Clock clock, MeterRegistry meters) {
        this.jdbi = jdbi;
        this.outbox = outbox;
        this.events = new ScanEventBatch();
        this.clock = clock;
        this.dropped = Counter.builder("taquilla.scanner.scan.log.dropped")
                .description("Scan log lines dropped because the background writer was full").register(meters);
        meters.gaugeCollectionSize("taquilla.scanner.scan.log.queued", List.of(), queue);
    }

    /**
     * Logs on the caller's transaction unless this device already uploaded {@code scan.nonce()};
     * returns false for such a repeat.
     */
    public boolean writeOnce(Handle handle, LoggedScan scan) {
        int inserted = bind(handle.createUpdate(INSERT + " on conflict (device_id, nonce) where nonce is not null do nothing"),
                scan).execute();
        if (inserted == 0) {
            return false;
        }
        outbox.append(handle, Topics.SCANNING_SCAN, event(scan));
        return true;
    }

    public void writeLater(LoggedScan scan) {
        if (!queue.offer(scan)) {
            dropped.increment();
        }
    }

    private <T extends org.jdbi.v3.core.statement.SqlStatement<T>> T bind(T statement, LoggedScan scan) {
        return statement.bind("scanId", scan.scanId()).bind("catalogEventId", scan.catalogEventId())
                .bind("ticketId", scan.ticketId()).bind("gate", scan.gate()).bind("deviceId", scan.deviceId())
                .bind("verdict", scan.verdict()).bind("reason", scan.reason()).bind("scannedAt", scan.scannedAt())
                .bind("offline", scan.offline()).bind("nonce", scan.nonce()).bind("conflict", scan.conflict())
                .bind("staff", scan.staff());
    }

    private TicketScanned event(LoggedScan scan) {
        return new TicketScanned(UUID.randomUUID(), clock.instant(), scan.scanId(), scan.ticketId(),
                scan.catalogEventId(), scan.gate(), scan.deviceId(), scan.verdict(), scan.reason(), scan.scannedAt(),
                scan.offline());
    }

    private void drain() {
        List<LoggedScan> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                LoggedScan first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                writeBatch(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("could not write {} scan log lines; dropping them", batch.size(), e);
                dropped.increment(batch.size());
            } finally {
                batch.clear();
            }
        }
    }

    private void writeBatch(List<LoggedScan> batch) {
        jdbi.useTransaction(handle -> {
            PreparedBatch insert = handle.prepareBatch(INSERT);
            for (LoggedScan scan : batch) {
                bind(insert, scan).add();
            }
            insert.execute();
            events.appendAll(handle, batch.stream().map(this::event).toList());
        });
    }

    @Override
    public void start() {
        running = true;
        writer = new Thread(this::drain, "scan-log-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void stop() {
        running = false;
        try {
            if (writer != null) {
                writer.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stop after the web server, so the lines of the last answered scans are still written. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
