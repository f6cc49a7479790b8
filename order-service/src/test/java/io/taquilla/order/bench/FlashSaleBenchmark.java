package io.taquilla.order.bench;

import io.taquilla.contracts.catalog.EventSnapshot;
import io.taquilla.contracts.catalog.TicketTypeSnapshot;
import io.taquilla.order.OrderServiceApplication;
import io.taquilla.order.catalog.CatalogCopy;
import io.taquilla.order.support.Events;
import io.taquilla.testsupport.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Flash sale: one ticket type of 1,000; 10,000 order attempts from 200 concurrent HTTP clients
 * against a real order-service (started in this JVM on the test PostgreSQL and Kafka). Then, on
 * the same database and with the same concurrency, the naive baseline: one counter row,
 * {@code UPDATE stock SET sold = sold + n WHERE capacity - sold >= n} through plain JDBC.
 * Prints a table and, as the last line, one JSON object.
 *
 * <p>System properties: {@code bench.capacity} (1000), {@code bench.attempts} (10000),
 * {@code bench.clients} (200), {@code bench.warmup} (2000).
 */
public final class FlashSaleBenchmark {

    record Run(String name, int attempts, int succeeded, int refused, int errors, double seconds, long[] latenciesNanos) {

        double perSecond() {
            return attempts / seconds;
        }

        double percentileMs(double p) {
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1_000_000.0;
        }
    }

    @FunctionalInterface
    interface Attempt {
        /** Returns 1 for success, 0 for a refusal (sold out), -1 for an error. */
        int run(int client) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int capacity = Integer.getInteger("bench.capacity", 1000);
        int attempts = Integer.getInteger("bench.attempts", 10_000);
        int clients = Integer.getInteger("bench.clients", 200);
        int warmup = Integer.getInteger("bench.warmup", 2000);

        TestInfrastructure infrastructure = TestInfrastructure.get();
        // System properties outrank application.yaml (whose ${DATABASE_URL:...} defaults would win over
        // SpringApplicationBuilder#properties, which are only defaults).
        System.setProperty("spring.datasource.url", infrastructure.jdbcUrl());
        System.setProperty("spring.datasource.username", infrastructure.username());
        System.setProperty("spring.datasource.password", infrastructure.password());
        System.setProperty("spring.kafka.bootstrap-servers", infrastructure.bootstrapServers());
        System.setProperty("server.port", "0");
        System.setProperty("logging.level.root", "WARN");
        ConfigurableApplicationContext app;
        try {
            app = new SpringApplicationBuilder(OrderServiceApplication.class).run();
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.exit(1);
            return;
        }
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            int pool = Integer.parseInt(app.getEnvironment().getProperty("spring.datasource.hikari.maximum-pool-size", "10"));
            String threads = app.getEnvironment().getProperty("server.tomcat.threads.max", "200");
            Jdbi jdbi = app.getBean(Jdbi.class);
            CatalogCopy catalog = app.getBean(CatalogCopy.class);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();

            TicketTypeSnapshot warmType = Events.type("WARM", 2500, warmup, 4);
            EventSnapshot warmEvent = Events.onSale(warmType);
            jdbi.useTransaction(h -> catalog.apply(h, warmEvent));
            run("warm-up", warmup, clients, orderAttempt(http, port, warmEvent, warmType));

            TicketTypeSnapshot ga = Events.type("GA", 2500, capacity, 4);
            EventSnapshot sale = Events.onSale(ga);
            jdbi.useTransaction(h -> catalog.apply(h, sale));
            Thread watcher = watchDatabase(infrastructure);
            Run service = run("order-service HTTP", attempts, clients, orderAttempt(http, port, sale, ga));
            watcher.interrupt();
            int taken = jdbi.withHandle(h -> h.createQuery("""
                            select count(*) from inventory_unit where ticket_type_id = :t and state in ('HELD', 'SOLD')
                            """).bind("t", ga.ticketTypeId()).mapTo(Integer.class).one());
            int holders = jdbi.withHandle(h -> h.createQuery("""
                            select count(*) from orders where catalog_event_id = :e
                            """).bind("e", sale.catalogEventId()).mapTo(Integer.class).one());

            Run baseline = baseline(infrastructure, capacity, attempts, clients);

            int oversold = Math.max(0, taken - capacity) + Math.abs(service.succeeded() - taken) + Math.abs(holders - taken);
            double ratio = service.perSecond() / baseline.perSecond();
            System.out.println();
            System.out.printf(Locale.ROOT, "Flash sale: capacity %d, %d attempts, %d concurrent clients, Hikari pool %d, Tomcat threads %s%n",
                    capacity, attempts, clients, pool, threads);
            System.out.printf(Locale.ROOT, "%-22s %9s %9s %8s %7s %10s %9s %9s %9s%n",
                    "run", "attempts", "succeeded", "refused", "errors", "per sec", "p50 ms", "p99 ms", "seconds");
            for (Run r : List.of(service, baseline)) {
                System.out.printf(Locale.ROOT, "%-22s %9d %9d %8d %7d %10.0f %9.2f %9.2f %9.2f%n", r.name(), r.attempts(),
                        r.succeeded(), r.refused(), r.errors(), r.perSecond(), r.percentileMs(50), r.percentileMs(99),
                        r.seconds());
            }
            System.out.printf(Locale.ROOT, "tickets taken %d of %d, orders %d, oversold %d, ratio service/baseline %.2f%n",
                    taken, capacity, holders, oversold, ratio);
            System.out.printf(Locale.ROOT,
                    "{\"attempts\":%d,\"clients\":%d,\"capacity\":%d,\"sold\":%d,\"oversold\":%d,\"errors\":%d,"
                            + "\"ordersPerSec\":%.1f,\"p50Ms\":%.2f,\"p99Ms\":%.2f,\"baselinePerSec\":%.1f,"
                            + "\"baselineP50Ms\":%.2f,\"baselineP99Ms\":%.2f,\"ratio\":%.2f,\"pool\":%d}%n",
                    attempts, clients, capacity, taken, oversold, service.errors(), service.perSecond(),
                    service.percentileMs(50), service.percentileMs(99), baseline.perSecond(), baseline.percentileMs(50),
                    baseline.percentileMs(99), ratio, pool);
        } finally {
            app.close();
            System.exit(0);
        }
    }

    /** Every 5 s, what the database sessions are doing (to see lock waits if the run stalls). */
    private static Thread watchDatabase(TestInfrastructure infrastructure) {
        Thread thread = new Thread(() -> {
            try (Connection c = infrastructure.connect(); Statement s = c.createStatement()) {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(5000);
                    StringBuilder line = new StringBuilder("db sessions:");
                    try (var rs = s.executeQuery("""
                            select state, coalesce(wait_event_type, '-') || ':' || coalesce(wait_event, '-') as wait,
                                   left(regexp_replace(query, '\\s+', ' ', 'g'), 60) as q, count(*) as n
                              from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid()
                             group by 1, 2, 3 order by 4 desc limit 6
                            """)) {
                        while (rs.next()) {
                            line.append(String.format(Locale.ROOT, "%n  %3d %-20s %-28s %s", rs.getInt("n"), rs.getString("state"),
                                    rs.getString("wait"), rs.getString("q")));
                        }
                    }
                    System.out.println(line);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                System.out.println("db watcher stopped: " + e);
            }
        }, "db-watcher");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static Attempt orderAttempt(HttpClient http, int port, EventSnapshot event, TicketTypeSnapshot type) {
        URI uri = URI.create("http://localhost:" + port + "/api/orders");
        String body = """
                {"eventId":"%s","items":[{"ticketTypeId":"%s","quantity":1}],
                 "customer":{"email":"fan@example.com","name":"Flash Fan"}}
                """.formatted(event.catalogEventId(), type.ticketTypeId());
        return client -> {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            int status = http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
            return status == 201 ? 1 : status == 409 ? 0 : -1;
        };
    }

    private static Run baseline(TestInfrastructure infrastructure, int capacity, int attempts, int clients) throws Exception {
        try (Connection setup = infrastructure.connect(); Statement statement = setup.createStatement()) {
            statement.execute("create schema if not exists bench_baseline");
            statement.execute("drop table if exists bench_baseline.stock");
            statement.execute("create table bench_baseline.stock (id int primary key, capacity int not null, sold int not null)");
            statement.execute("insert into bench_baseline.stock values (1, " + capacity + ", 0)");
        }
        List<Connection> connections = new ArrayList<>();
        List<PreparedStatement> statements = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Connection connection = infrastructure.connect();
            connection.setAutoCommit(true);
            connections.add(connection);
            statements.add(connection.prepareStatement(
                    "update bench_baseline.stock set sold = sold + ? where id = 1 and capacity - sold >= ?"));
        }
        try {
            Run run = run("naive single-row SQL", attempts, clients, client -> {
                PreparedStatement update = statements.get(client);
                update.setInt(1, 1);
                update.setInt(2, 1);
                return update.executeUpdate() == 1 ? 1 : 0;
            });
            try (Statement check = connections.get(0).createStatement();
                 var rs = check.executeQuery("select sold from bench_baseline.stock where id = 1")) {
                rs.next();
                if (rs.getInt(1) != capacity || run.succeeded() != capacity) {
                    throw new IllegalStateException("baseline sold " + rs.getInt(1) + " of " + capacity);
                }
            }
            return run;
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    private static Run run(String name, int attempts, int clients, Attempt attempt) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger succeeded = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long[] latencies = new long[attempts];
        ConcurrentHashMap<String, AtomicLong> failures = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    for (int i = next.getAndIncrement(); i < attempts; i = next.getAndIncrement()) {
                        long began = System.nanoTime();
                        int outcome;
                        try {
                            outcome = attempt.run(client);
                        } catch (Exception e) {
                            failures.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
                            outcome = -1;
                        }
                        latencies[i] = System.nanoTime() - began;
                        (outcome == 1 ? succeeded : outcome == 0 ? refused : errors).incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, "bench-client-" + c);
            thread.setDaemon(true);
            thread.start();
        }
        long began = System.nanoTime();
        start.countDown();
        done.await();
        double seconds = (System.nanoTime() - began) / 1e9;
        if (!failures.isEmpty()) {
            System.out.println(name + " failures: " + failures);
        }
        System.out.printf(Locale.ROOT, "%s: %d attempts in %.2f s%n", name, attempts, seconds);
        return new Run(name, attempts, succeeded.get(), refused.get(), errors.get(), seconds, latencies);
    }
}
