package io.taquilla.scanner.door;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Group check-in: the check-ins that arrive while the previous statement runs go to PostgreSQL
 * together, as one atomic multi-row {@code insert … on conflict do update … where checked_in_at is
 * null … returning}. Each scan still waits for its own answer (the check-in stays synchronous);
 * a busy door just pays one round trip per batch instead of one per scan, and holds one
 * connection per writer instead of one per request.
 *
 * <p>Rows are locked in ticket-id order, so two writers never deadlock. A ticket scanned twice in
 * one batch is checked in by its first scan; the later one gets no row and reads the check-in.
 * If a batch fails, its scans are retried one by one.
 */
@Component
public class CheckInBatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CheckInBatcher.class);
    private static final int MAX_BATCH = 256;

    private static final String ADMIT = """
            insert into ticket as t (ticket_id, catalog_event_id, ticket_type_id, checked_in_at, checked_in_gate,
                                     checked_in_device, checked_in_scan_id)
            select s.ticket_id, s.event_id, s.type_id, timestamptz 'epoch' + s.at_micros * interval '1 microsecond',
                   s.gate, s.device, s.scan_id
              from unnest(:ticketIds, :eventIds, :typeIds, :atMicros, :gates, :devices, :scanIds)
                   as s(ticket_id, event_id, type_id, at_micros, gate, device, scan_id)
             order by s.ticket_id
            on conflict (ticket_id) do update
               set checked_in_at = excluded.checked_in_at, checked_in_gate = excluded.checked_in_gate,
                   checked_in_device = excluded.checked_in_device, checked_in_scan_id = excluded.checked_in_scan_id,
                   checked_in_offline = false, change_seq = nextval('ticket_change_seq')
             where t.checked_in_at is null and t.status = 'VALID'
            returning t.ticket_id, t.ticket_type_id, t.ticket_type_name, t.ticket_number, t.holder_name, t.issued
            """;

    record Request(UUID ticketId, UUID eventId, UUID typeId, Instant at, String gate, String device, UUID scanId,
                   CompletableFuture<Optional<CheckInDao.Admitted>> result) {}

    private final Jdbi jdbi;
    private final int writers;
    private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    public CheckInBatcher(Jdbi jdbi, @Value("${taquilla.scanner.check-in.writers:2}") int writers) {
        this.jdbi = jdbi;
        this.writers = writers;
    }

    /** Checks the ticket in unless it is already in or revoked; empty then. Blocks until decided. */
    public Optional<CheckInDao.Admitted> admit(UUID ticketId, UUID eventId, UUID typeId, Instant at, String gate,
                                               String device, UUID scanId) {
        Request request = new Request(ticketId, eventId, typeId, at, gate, device, scanId, new CompletableFuture<>());
        if (!running) {
            return single(request);
        }
        queue.add(request);
        try {
            return request.result().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking in " + ticketId, e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("check-in of " + ticketId + " failed", e);
        }
    }

    private void write() {
        List<Request> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Request first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                execute(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void execute(List<Request> batch) {
        Map<UUID, Request> firstScans = new HashMap<>();
        List<Request> repeats = new ArrayList<>();
        for (Request request : batch) {
            if (firstScans.putIfAbsent(request.ticketId(), request) != null) {
                repeats.add(request);
            }
        }
        List<Request> firsts = new ArrayList<>(firstScans.values());
        firsts.sort(Comparator.comparing(Request::ticketId));
        try {
            Map<UUID, CheckInDao.Admitted> admitted = new HashMap<>();
            jdbi.useHandle(handle -> handle.createQuery(ADMIT)
                    .bindArray("ticketIds", UUID.class, firsts.stream().map(Request::ticketId).toList())
                    .bindArray("eventIds", UUID.class, firsts.stream().map(Request::eventId).toList())
                    .bindArray("typeIds", UUID.class, firsts.stream().map(Request::typeId).toList())
                    .bindArray("atMicros", Long.class, firsts.stream().map(r -> micros(r.at())).toList())
                    .bindArray("gates", String.class, firsts.stream().map(Request::gate).toList())
                    .bindArray("devices", String.class, firsts.stream().map(Request::device).toList())
                    .bindArray("scanIds", UUID.class, firsts.stream().map(Request::scanId).toList())
                    .map((rs, ctx) -> admitted.put(rs.getObject("ticket_id", UUID.class), new CheckInDao.Admitted(
                            rs.getObject("ticket_type_id", UUID.class), rs.getString("ticket_type_name"),
                            rs.getString("ticket_number"), rs.getString("holder_name"), rs.getBoolean("issued"))))
                    .forEach(ignored -> { }));
            firsts.forEach(r -> r.result().complete(Optional.ofNullable(admitted.get(r.ticketId()))));
            repeats.forEach(r -> r.result().complete(Optional.empty()));
        } catch (RuntimeException e) {
            log.warn("group check-in of {} scans failed ({}); checking them in one by one", batch.size(), e.getMessage());
            for (Request request : batch) {
                try {
                    request.result().complete(single(request));
                } catch (RuntimeException failed) {
                    request.result().completeExceptionally(failed);
                }
            }
        }
    }

    private Optional<CheckInDao.Admitted> single(Request r) {
        return jdbi.withExtension(CheckInDao.class, dao -> dao.admitOrInsert(r.ticketId(), r.eventId(), r.typeId(), r.at(),
                r.gate(), r.device(), r.scanId()));
    }

    private static long micros(Instant at) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, at);
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < writers; i++) {
            Thread thread = new Thread(this::write, "check-in-writer-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    @Override
    public void stop() {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stop after the web server (which stops in a later phase), so in-flight scans get their answer. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
