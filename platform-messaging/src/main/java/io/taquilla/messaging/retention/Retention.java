package io.taquilla.messaging.retention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Deletes what a service no longer needs, every {@code interval}: rows older than each
 * {@link RetentionRule}'s window, in batches of 5,000 so a large backlog never holds long locks.
 * Several instances may run it at once; they only delete the same rows.
 */
public class Retention implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    static final int BATCH = 5_000;

    private final Jdbi jdbi;
    private final List<RetentionRule> rules;
    private final Duration interval;
    private final MeterRegistry meters;
    private ScheduledExecutorService scheduler;

    public Retention(Jdbi jdbi, List<RetentionRule> rules, Duration interval, MeterRegistry meters) {
        this.jdbi = jdbi;
        this.rules = List.copyOf(rules);
        this.interval = interval;
        this.meters = meters;
        rules.forEach(rule -> pruned(rule));
    }

    public List<RetentionRule> rules() {
        return rules;
    }

    /** Applies every rule once; returns how many rows it deleted. */
    public long pruneNow() {
        long total = 0;
        for (RetentionRule rule : rules) {
            total += prune(rule);
        }
        return total;
    }

    long prune(RetentionRule rule) {
        String sql = "delete from " + rule.table() + " where ctid = any(array(select ctid from " + rule.table()
                + " where " + rule.timestampColumn() + " < clock_timestamp() - cast(:keep as interval)"
                + (rule.condition() == null ? "" : " and (" + rule.condition() + ")") + " limit " + BATCH + "))";
        long deleted = 0;
        while (true) {
            int batch = jdbi.withHandle(handle -> handle.createUpdate(sql)
                    .bind("keep", rule.keep().toSeconds() + " seconds").execute());
            deleted += batch;
            if (batch < BATCH) {
                break;
            }
        }
        if (deleted > 0) {
            pruned(rule).increment(deleted);
            log.info("retention {}: deleted {} rows of {} older than {}", rule.name(), deleted, rule.table(), rule.keep());
        }
        return deleted;
    }

    private Counter pruned(RetentionRule rule) {
        return Counter.builder("taquilla.retention.pruned").description("Rows deleted as older than their retention")
                .tag("rule", rule.name()).register(meters);
    }

    private void safely() {
        try {
            pruneNow();
        } catch (RuntimeException e) {
            log.warn("retention: pruning failed, the next round retries: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (scheduler != null || rules.isEmpty()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "retention");
            thread.setDaemon(true);
            return thread;
        });
        // First round a minute after start, so it never competes with start-up.
        scheduler.scheduleWithFixedDelay(this::safely, Math.min(60, interval.toSeconds()), interval.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
