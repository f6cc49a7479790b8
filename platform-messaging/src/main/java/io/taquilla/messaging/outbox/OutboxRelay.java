package io.taquilla.messaging.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.taquilla.messaging.MessagingProperties;
import io.taquilla.messaging.worker.Backoff;
import io.taquilla.messaging.worker.Worker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes outbox rows to Kafka. Each round claims a batch with {@code FOR UPDATE SKIP LOCKED},
 * sends it with the idempotent producer, waits for every ack, then marks the rows sent in the
 * same transaction. A crash between the ack and the commit re-publishes the batch on the next
 * round: delivery is at least once, and consumers' inboxes make the effect exactly once.
 *
 * <p>Several relays (threads or service instances) may run against one table. A round claims
 * the oldest unpublished row of each aggregate that no other relay holds, then the later rows of
 * those same aggregates, so two relays never publish events of one aggregate out of order. Relays wake on PostgreSQL NOTIFY (sent by a trigger when a row commits)
 * and fall back to polling every {@code pollInterval}.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private static final String CLAIM = """
            select o.id, o.topic, o.aggregatetype, o.aggregateid, o.type,
                   o.payload::text as payload, o.headers::text as headers, o.created_at, o.seq, o.attempts
              from outbox o
             where o.published_at is null
               and o.parked_at is null
               and not exists (select 1 from outbox p
                                where p.published_at is null
                                  and p.aggregateid = o.aggregateid
                                  and p.seq < o.seq)
             order by o.seq
             limit :limit
               for update of o skip locked
            """;

    /**
     * Later rows of the aggregates whose oldest row this relay just locked. No other relay can
     * hold them: it could only have claimed them together with that oldest row.
     */
    private static final String CLAIM_FOLLOWERS = """
            select o.id, o.topic, o.aggregatetype, o.aggregateid, o.type,
                   o.payload::text as payload, o.headers::text as headers, o.created_at, o.seq, o.attempts
              from outbox o
             where o.published_at is null
               and o.aggregateid in (<aggregates>)
               and o.id not in (<heads>)
             order by o.seq
             limit :limit
               for update of o
            """;

    /**
     * Longer than the producer's delivery timeout (30 s as configured by the messaging module),
     * so a send is only abandoned after the producer itself gave up on it.
     */
    static final Duration ACK_WAIT = Duration.ofSeconds(45);

    /** Called after Kafka acknowledged a batch and before it is marked sent. A test seam. */
    @FunctionalInterface
    public interface AfterAcknowledged {
        void batchAcknowledged(List<UUID> ids);
    }

    record Row(long seq, UUID id, String topic, String aggregateType, String aggregateId, String type,
               String payload, String headers, OffsetDateTime createdAt, int attempts) {}

    /**
     * What Kafka refuses for good, whatever is retried: the row is counted and, after
     * {@code maxAttempts}, parked. Anything else (broker down, timeouts, a closed producer) is an
     * outage: the round backs off and no row is counted.
     */
    static final List<Class<? extends Throwable>> POISON = List.of(
            org.apache.kafka.common.errors.RecordTooLargeException.class,
            org.apache.kafka.common.errors.RecordBatchTooLargeException.class,
            org.apache.kafka.common.InvalidRecordException.class,
            org.apache.kafka.common.errors.InvalidTopicException.class,
            org.apache.kafka.common.errors.TopicAuthorizationException.class,
            org.apache.kafka.common.errors.SerializationException.class,
            tools.jackson.core.JacksonException.class);


    private final String name;
    private final Jdbi jdbi;
    private final Producer<String, String> producer;
    private final MessagingProperties.Relay settings;
    private final JsonMapper json;
    private final AfterAcknowledged afterAcknowledged;
    private final OutboxNotifications notifications;
    private final Timer publishLatency;
    private final Counter published;
    private final Counter failures;
    private final Counter refusals;
    private final AtomicLong parked = new AtomicLong();
    private final AtomicLong held = new AtomicLong();
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();

    private final Worker worker;
    private Instant nextHousekeeping = Instant.EPOCH;

    public OutboxRelay(String name, Jdbi jdbi, javax.sql.DataSource dataSource, Producer<String, String> producer,
                       MessagingProperties.Relay settings, JsonMapper json, MeterRegistry meters,
                       AfterAcknowledged afterAcknowledged) {
        this.name = name;
        this.jdbi = jdbi;
        this.producer = producer;
        this.settings = settings;
        this.json = json;
        this.afterAcknowledged = afterAcknowledged;
        this.worker = new Worker("outbox-relay-" + name, 1, settings.pollInterval(),
                Backoff.doubling(settings.pollInterval(), max(settings.pollInterval(), Duration.ofSeconds(10))), meters,
                index -> round());
        this.notifications = new OutboxNotifications(dataSource, worker::wakeUp);
        this.publishLatency = Timer.builder("taquilla.outbox.publish.latency")
                .description("Time from the outbox row's commit to Kafka's acknowledgement")
                .publishPercentileHistogram()
                .register(meters);
        this.published = Counter.builder("taquilla.outbox.published").register(meters);
        this.failures = Counter.builder("taquilla.outbox.publish.failures").register(meters);
        this.refusals = Counter.builder("taquilla.outbox.publish.refusals")
                .description("Rows Kafka refused for good (too large, invalid); parked after max attempts").register(meters);
        meters.gauge("taquilla.outbox.parked", parked);
        meters.gauge("taquilla.outbox.held", held);
        meters.gauge("taquilla.outbox.backlog", backlog);
        meters.gauge("taquilla.outbox.oldest.age.seconds", oldestAgeMillis, a -> a.get() / 1000.0);
    }

    /**
     * Claims, publishes and marks one batch. Returns how many rows it published. A row Kafka
     * refuses for good gets its attempt and error recorded (parked after {@code maxAttempts}), and
     * the later rows of its aggregate wait; the others are published. If Kafka did not answer for
     * some rows, those acknowledged are still marked and this throws, so the caller backs off.
     */
    public int publishBatch() {
        List<String> outage = new ArrayList<>();
        int count = jdbi.inTransaction(handle -> {
            List<Row> rows = new ArrayList<>(handle.createQuery(CLAIM)
                    .bind("limit", settings.batchSize())
                    .map(OutboxRelay::row)
                    .list());
            if (rows.isEmpty()) {
                return 0;
            }
            if (rows.size() < settings.batchSize()) {
                rows.addAll(handle.createQuery(CLAIM_FOLLOWERS)
                        .bindList("aggregates", rows.stream().map(Row::aggregateId).distinct().toList())
                        .bindList("heads", rows.stream().map(Row::id).toList())
                        .bind("limit", settings.batchSize() - rows.size())
                        .map(OutboxRelay::row)
                        .list());
                rows.sort(java.util.Comparator.comparingLong(Row::seq));
            }
            Set<String> blocked = new HashSet<>();
            Map<Row, Throwable> refused = new LinkedHashMap<>();
            List<Map.Entry<Row, Future<?>>> sent = new ArrayList<>(rows.size());
            for (Row row : rows) {
                if (blocked.contains(row.aggregateId())) {
                    continue;
                }
                Throwable failure = send(row, sent);
                if (failure != null) {
                    refused.put(row, failure);
                    blocked.add(row.aggregateId());
                }
            }
            List<Row> acknowledged = new ArrayList<>(sent.size());
            // Rows go out in seq order; once one row of an aggregate is not acknowledged, its later
            // rows stay unmarked even if Kafka took them, so the next round re-sends them after it
            // (a duplicate the inbox drops) and the aggregate's order holds.
            Set<String> unacknowledged = new HashSet<>();
            for (Map.Entry<Row, Future<?>> entry : sent) {
                Row row = entry.getKey();
                Throwable failure = await(entry.getValue());
                if (failure == null) {
                    if (!unacknowledged.contains(row.aggregateId())) {
                        acknowledged.add(row);
                    }
                } else if (isPoison(failure)) {
                    refused.put(row, failure);
                    unacknowledged.add(row.aggregateId());
                } else {
                    outage.add(failure.toString());
                    unacknowledged.add(row.aggregateId());
                }
            }
            markPublished(handle, acknowledged);
            refused.forEach((row, failure) -> recordRefusal(handle, row, failure));
            return acknowledged.size();
        });
        if (!outage.isEmpty()) {
            throw new IllegalStateException("Kafka did not acknowledge " + outage.size() + " row(s): " + outage.get(0));
        }
        return count;
    }

    /**
     * Sends {@code row}. Returns the failure if Kafka's client refused it at once (too large,
     * invalid), so the aggregate's later rows are not sent after it; else null.
     */
    private Throwable send(Row row, List<Map.Entry<Row, Future<?>>> sent) {
        Future<?> ack;
        try {
            ack = producer.send(toRecord(row));
        } catch (RuntimeException e) {
            if (isPoison(e)) {
                return e;
            }
            throw e;
        }
        if (ack.isDone()) {
            Throwable failure = await(ack);
            if (failure != null && isPoison(failure)) {
                return failure;
            }
        }
        sent.add(Map.entry(row, ack));
        return null;
    }

    private static Throwable await(Future<?> ack) {
        try {
            ack.get(ACK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause() == null ? e : e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            return e;
        }
    }

    static boolean isPoison(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            for (Class<? extends Throwable> type : POISON) {
                if (type.isInstance(cause)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void markPublished(org.jdbi.v3.core.Handle handle, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<UUID> ids = rows.stream().map(Row::id).toList();
        afterAcknowledged.batchAcknowledged(ids);
        handle.createUpdate("update outbox set published_at = clock_timestamp(), attempts = attempts + 1 where id in (<ids>)")
                .bindList("ids", ids)
                .execute();
        Instant now = Instant.now();
        for (Row row : rows) {
            publishLatency.record(Duration.between(row.createdAt().toInstant(), now));
        }
        published.increment(rows.size());
    }

    private void recordRefusal(org.jdbi.v3.core.Handle handle, Row row, Throwable failure) {
        int attempts = row.attempts() + 1;
        boolean park = attempts >= settings.maxAttempts();
        refusals.increment();
        handle.createUpdate("""
                        update outbox set attempts = :attempts, last_error = :error,
                               parked_at = case when :park then clock_timestamp() end
                         where id = :id
                        """)
                .bind("attempts", attempts).bind("error", failure.toString()).bind("park", park).bind("id", row.id())
                .execute();
        if (park) {
            log.error("outbox relay {}: parked {} {} of {} {} after {} attempts; the aggregate's later events wait: {}",
                    name, row.type(), row.id(), row.aggregateType(), row.aggregateId(), attempts, failure.toString());
        } else {
            log.warn("outbox relay {}: Kafka refused {} {} (attempt {} of {}): {}", name, row.type(), row.id(), attempts,
                    settings.maxAttempts(), failure.toString());
        }
    }

    private static Row row(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws java.sql.SQLException {
        return new Row(rs.getLong("seq"), rs.getObject("id", UUID.class), rs.getString("topic"),
                rs.getString("aggregatetype"), rs.getString("aggregateid"), rs.getString("type"),
                rs.getString("payload"), rs.getString("headers"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getInt("attempts"));
    }

    private ProducerRecord<String, String> toRecord(Row row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.aggregateId(), row.payload());
        record.headers().add("eventId", bytes(row.id().toString()));
        record.headers().add("eventType", bytes(row.type()));
        record.headers().add("aggregateType", bytes(row.aggregateType()));
        Map<String, String> extra = json.readValue(row.headers(), new TypeReference<Map<String, String>>() {});
        extra.forEach((key, value) -> record.headers().add(key, bytes(value)));
        return record;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** One round of the worker: a batch, then the gauges; true if a full batch suggests more. */
    private boolean round() {
        int count;
        try {
            count = publishBatch();
        } catch (RuntimeException e) {
            failures.increment();
            throw e;
        }
        housekeeping();
        return count >= settings.batchSize();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Refreshes the backlog gauges and deletes rows published longer ago than the retention. */
    private void housekeeping() {
        Instant now = Instant.now();
        if (now.isBefore(nextHousekeeping)) {
            return;
        }
        nextHousekeeping = now.plusSeconds(1);
        jdbi.useHandle(handle -> {
            // Parked rows and the rows they hold back have gauges (and an alert) of their own, so
            // the backlog and its age show whether everything else flows.
            handle.createQuery("""
                    with stuck as (select distinct aggregateid from outbox where parked_at is not null and published_at is null)
                    select count(*) filter (where s.aggregateid is null) as backlog,
                           coalesce(extract(epoch from clock_timestamp()
                               - min(o.created_at) filter (where s.aggregateid is null)) * 1000, 0)::bigint as age,
                           count(*) filter (where o.parked_at is not null) as parked,
                           count(*) filter (where o.parked_at is null and s.aggregateid is not null) as held
                      from outbox o left join stuck s on s.aggregateid = o.aggregateid
                     where o.published_at is null
                    """).map((rs, ctx) -> {
                backlog.set(rs.getLong("backlog"));
                oldestAgeMillis.set(rs.getLong("age"));
                parked.set(rs.getLong("parked"));
                held.set(rs.getLong("held"));
                return null;
            }).findFirst();
            handle.createUpdate("""
                    delete from outbox where id in (
                        select id from outbox where published_at < clock_timestamp() - cast(:retention as interval) limit 5000)
                    """).bind("retention", settings.retention().toSeconds() + " seconds").execute();
        });
    }

    @Override
    public synchronized void start() {
        if (worker.isRunning()) {
            return;
        }
        notifications.start(name);
        worker.start();
    }

    @Override
    public synchronized void stop() {
        notifications.stop();
        worker.stop(Duration.ofSeconds(10));
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
    }
}
