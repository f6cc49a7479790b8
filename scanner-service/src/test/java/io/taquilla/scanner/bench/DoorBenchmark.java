package io.taquilla.scanner.bench;

import io.taquilla.scanner.ScannerServiceApplication;
import io.taquilla.scanner.cache.ScannableEvents;
import io.taquilla.scanner.door.domain.ScannableEvent;
import io.taquilla.scanner.token.SigningKeyDao;
import io.taquilla.scanner.token.SigningKeyRing;
import io.taquilla.tickettoken.QrTokenVerifier;
import io.taquilla.testsupport.TestInfrastructure;
import io.taquilla.testsupport.TestTokens;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The door under load: 100,000 issued tickets in the scanner's store, N devices scanning distinct
 * tickets over HTTP (plus a share of repeats, picked up by another device at the same moment, and
 * forgeries) against an in-process scanner-service on the real PostgreSQL and Kafka of the test
 * infrastructure. The baseline, in the same run, is what the door must at least do: verify the
 * signature and run one conditional UPDATE through plain JDBC, on as many connections as the
 * service's pool.
 *
 * <p>System properties: {@code door.tickets} (100000), {@code door.devices} (32),
 * {@code door.warmup} (5000), {@code door.baseline} (30000), {@code door.repeats} (0.05),
 * {@code door.forgeries} (0.02), {@code door.pool} (Hikari pool size, 12), {@code door.tomcatThreads} (Boot's default).
 */
public final class DoorBenchmark {

    private static final UUID BENCH_ORGANIZER = UUID.fromString("9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static CpuMeter cpu;

    enum Kind { SCAN, REPEAT, FORGED }

    record Job(Kind kind, int ticket, String qr) {}

    record Phase(String name, int scans, double seconds, long[] latenciesNanos, CpuMeter.Sample cpu) {
        double jvmMicrosPerScan() {
            return cpu.jvmNanos() / 1000.0 / scans;
        }

        double postgresMicrosPerScan() {
            return cpu.postgresNanos() / 1000.0 / scans;
        }

        /** Scans per second if this phase had every core to itself: cores over CPU time per scan. */
        double projectedPerSecond() {
            double micros = jvmMicrosPerScan() + postgresMicrosPerScan();
            return micros == 0 ? 0 : Runtime.getRuntime().availableProcessors() * 1_000_000.0 / micros;
        }

        double perSecond() {
            return scans / seconds;
        }

        double percentileMs(double p) {
            if (latenciesNanos.length == 0) {
                return 0;
            }
            int index = (int) Math.min(latenciesNanos.length - 1, Math.ceil(p * latenciesNanos.length) - 1);
            return latenciesNanos[Math.max(0, index)] / 1_000_000.0;
        }
    }

    public static void main(String[] args) throws Exception {
        int tickets = Integer.getInteger("door.tickets", 100_000);
        int devices = Integer.getInteger("door.devices", 32);
        int warmup = Integer.getInteger("door.warmup", 5_000);
        int baselineTickets = Integer.getInteger("door.baseline", 30_000);
        double repeats = Double.parseDouble(System.getProperty("door.repeats", "0.05"));
        double forgeries = Double.parseDouble(System.getProperty("door.forgeries", "0.02"));
        int pool = Integer.getInteger("door.pool", 12);
        int measured = tickets - warmup - baselineTickets;

        TestInfrastructure infrastructure = TestInfrastructure.get();
        java.util.regex.Matcher pgPort = java.util.regex.Pattern.compile(":(\\d+)/").matcher(infrastructure.jdbcUrl());
        cpu = new CpuMeter(pgPort.find() ? Integer.parseInt(pgPort.group(1)) : -1);
        ConfigurableApplicationContext app = null;
        int exit = 1;
        try {
            app = start(infrastructure, pool);
            ConfigurableApplicationContext service = app;
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            Jdbi jdbi = app.getBean(Jdbi.class);
            UUID eventId = UUID.randomUUID();
            UUID typeId = UUID.randomUUID();
            Signer signer = new Signer();
            Signer forger = new Signer();
            jdbi.useTransaction(handle -> {
                service.getBean(SigningKeyRing.class).remember(handle, new SigningKeyDao.Row(signer.keyId, "Ed25519",
                        Base64.getEncoder().encodeToString(signer.publicKey), "ACTIVE", Instant.now(), null));
                service.getBean(ScannableEvents.class).remember(handle, new ScannableEvent(eventId, "Benchmark night",
                        Instant.now().plus(Duration.ofHours(1)), Instant.now().minus(Duration.ofHours(1)), "PUBLISHED",
                        tickets, 1, List.of(new ScannableEvent.TicketTypeInfo(typeId, "GA", "General admission", tickets)),
                        BENCH_ORGANIZER));
            });

            long loadStarted = System.nanoTime();
            UUID[] ids = new UUID[tickets];
            String[] qrs = new String[tickets];
            signAll(signer, ids, qrs, eventId, typeId);
            load(jdbi, ids, eventId, typeId);
            System.out.printf("loaded %,d signed tickets in %.1f s%n", tickets, (System.nanoTime() - loadStarted) / 1e9);

            Map<String, AtomicLong> verdicts = new ConcurrentHashMap<>();
            AtomicInteger[] accepted = new AtomicInteger[tickets];
            Arrays.setAll(accepted, i -> new AtomicInteger());
            AtomicLong errors = new AtomicLong();

            List<Job> warmupJobs = jobs(0, warmup, repeats, forgeries, qrs, forger, ids, eventId, typeId);
            runHttp("warm-up", warmupJobs, devices, port, eventId, new ConcurrentHashMap<>(), accepted, errors);
            Arrays.stream(accepted).forEach(a -> a.set(0));
            errors.set(0);

            List<Job> measuredJobs = jobs(warmup, warmup + measured, repeats, forgeries, qrs, forger, ids, eventId, typeId);
            Phase http = runHttp("HTTP scans", measuredJobs, devices, port, eventId, verdicts, accepted, errors);
            long doubleAdmits = Arrays.stream(accepted).filter(a -> a.get() > 1).count();
            long dbDoubleAdmits = jdbi.withHandle(h -> h.createQuery("""
                    select count(*) from (select ticket_id from scan_log where verdict = 'ACCEPTED' and catalog_event_id = :e
                                          group by ticket_id having count(*) > 1) d
                    """).bind("e", eventId).mapTo(Long.class).one());

            Phase baseline = runBaseline(infrastructure, signer, qrs, warmup + measured, tickets, pool);

            print(tickets, devices, repeats, forgeries, pool, http, baseline, verdicts, doubleAdmits + dbDoubleAdmits, errors.get());
            exit = 0;
        } catch (Exception | Error e) {
            e.printStackTrace();
        } finally {
            if (app != null) {
                app.close();
            }
        }
        // The in-JVM Kafka broker and embedded PostgreSQL stop in shutdown hooks.
        System.exit(exit);
    }

    private static ConfigurableApplicationContext start(TestInfrastructure infrastructure, int pool) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.putAll(TestTokens.properties());
        properties.put("spring.datasource.url", infrastructure.jdbcUrl());
        properties.put("spring.datasource.username", infrastructure.username());
        properties.put("spring.datasource.password", infrastructure.password());
        properties.put("spring.datasource.hikari.maximum-pool-size", String.valueOf(pool));
        properties.put("spring.datasource.hikari.minimum-idle", String.valueOf(pool));
        properties.put("spring.kafka.bootstrap-servers", infrastructure.bootstrapServers());
        // Devices here scan as fast as the server answers; the per-device limits are for people.
        properties.put("taquilla.scanner.rate-limit.scans-per-second", "1000000");
        properties.put("taquilla.scanner.rate-limit.scan-burst", "1000000");
        properties.put("taquilla.scanner.rate-limit.invalid-signature-burst", "1000000");
        properties.put("taquilla.scanner.rate-limit.invalid-signatures-per-minute", "1000000");
        properties.put("server.tomcat.max-keep-alive-requests", "-1");
        if (System.getProperty("door.tomcatThreads") != null) {
            properties.put("server.tomcat.threads.max", System.getProperty("door.tomcatThreads"));
        }
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.org.apache.kafka", "ERROR");
        // As command-line arguments: they override application.yaml, default properties do not.
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(ScannerServiceApplication.class).run(arguments);
    }

    /** Distinct tickets in order; each may be followed by a repeat (taken by another device at once) or a forgery. */
    private static List<Job> jobs(int from, int to, double repeats, double forgeries, String[] qrs, Signer forger,
                                  UUID[] ids, UUID eventId, UUID typeId) {
        Random random = new Random(from);
        List<Job> jobs = new ArrayList<>();
        for (int i = from; i < to; i++) {
            jobs.add(new Job(Kind.SCAN, i, qrs[i]));
            if (random.nextDouble() < repeats) {
                jobs.add(new Job(Kind.REPEAT, i, qrs[i]));
            }
            if (random.nextDouble() < forgeries) {
                jobs.add(new Job(Kind.FORGED, i, forger.sign(ids[i], eventId, typeId)));
            }
        }
        return jobs;
    }

    private static Phase runHttp(String name, List<Job> jobs, int devices, int port, UUID eventId,
                                 Map<String, AtomicLong> verdicts, AtomicInteger[] accepted, AtomicLong errors)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        long[][] latencies = new long[devices][];
        List<Thread> threads = new ArrayList<>();
        CpuMeter.Sample cpuBefore = cpu.sample();
        long started = System.nanoTime();
        for (int d = 0; d < devices; d++) {
            int device = d;
            Thread thread = new Thread(() -> {
                long[] mine = new long[jobs.size()];
                int count = 0;
                // The device is the token's (device_id), as at a real door.
                String deviceBearer = TestTokens.door(BENCH_ORGANIZER, "bench-" + device);
                String prefix = "{\"eventId\":\"" + eventId + "\",\"gate\":\"gate-" + (device % 4) + "\",\"qr\":\"";
                try (MiniHttpClient client = new MiniHttpClient("127.0.0.1", port)) {
                    for (int j = next.getAndIncrement(); j < jobs.size(); j = next.getAndIncrement()) {
                        Job job = jobs.get(j);
                        long t0 = System.nanoTime();
                        MiniHttpClient.Reply reply = client.post("/api/scans", deviceBearer, prefix + job.qr() + "\"}");
                        mine[count++] = System.nanoTime() - t0;
                        tally(job, reply, verdicts, accepted, errors);
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    e.printStackTrace();
                }
                latencies[device] = Arrays.copyOf(mine, count);
            }, "device-" + d);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        CpuMeter.Sample used = cpu.sample().minus(cpuBefore);
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        return new Phase(name, jobs.size(), seconds, all, used);
    }

    private static void tally(Job job, MiniHttpClient.Reply reply, Map<String, AtomicLong> verdicts,
                              AtomicInteger[] accepted, AtomicLong errors) {
        if (reply.status() != 200) {
            errors.incrementAndGet();
            verdicts.computeIfAbsent("HTTP " + reply.status(), k -> new AtomicLong()).incrementAndGet();
            return;
        }
        String body = reply.body();
        String outcome = body.contains("\"verdict\":\"ACCEPTED\"") ? "ACCEPTED"
                : body.replaceAll(".*\"reason\":\"([A-Z_]+)\".*", "$1");
        verdicts.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
        if ("ACCEPTED".equals(outcome)) {
            if (job.kind() == Kind.FORGED) {
                errors.incrementAndGet();
            } else {
                accepted[job.ticket()].incrementAndGet();
            }
        } else if (job.kind() == Kind.FORGED != "INVALID_SIGNATURE".equals(outcome)) {
            errors.incrementAndGet();
        }
    }

    /** Signature check plus one conditional UPDATE per scan, autocommit, one connection per thread. */
    private static Phase runBaseline(TestInfrastructure infrastructure, Signer signer, String[] qrs, int from, int to,
                                     int threads) throws Exception {
        QrTokenVerifier verifier = new QrTokenVerifier(List.of(new QrTokenVerifier.VerificationKey(signer.keyId,
                QrTokenVerifier.Algorithm.ED25519, signer.publicKey)));
        AtomicInteger next = new AtomicInteger(from);
        AtomicLong failures = new AtomicLong();
        long[][] latencies = new long[threads][];
        List<Thread> workers = new ArrayList<>();
        CpuMeter.Sample cpuBefore = cpu.sample();
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int worker = t;
            Thread thread = new Thread(() -> {
                long[] mine = new long[to - from];
                int count = 0;
                try (Connection connection = infrastructure.connect()) {
                    connection.setSchema("scanning");
                    PreparedStatement update = connection.prepareStatement("""
                            update ticket set checked_in_at = now(), checked_in_gate = 'baseline', checked_in_device = ?
                             where ticket_id = ? and checked_in_at is null and status = 'VALID'
                            """);
                    for (int i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        QrTokenVerifier.Verification verification = verifier.verify(qrs[i]);
                        if (!verification.valid()) {
                            failures.incrementAndGet();
                            continue;
                        }
                        update.setString(1, "baseline-" + worker);
                        update.setObject(2, verification.claims().ticketId());
                        if (update.executeUpdate() != 1) {
                            failures.incrementAndGet();
                        }
                        mine[count++] = System.nanoTime() - t0;
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                    e.printStackTrace();
                }
                latencies[worker] = Arrays.copyOf(mine, count);
            });
            workers.add(thread);
            thread.start();
        }
        for (Thread thread : workers) {
            thread.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        CpuMeter.Sample used = cpu.sample().minus(cpuBefore);
        if (failures.get() > 0) {
            System.out.println("baseline failures: " + failures.get());
        }
        return new Phase("baseline (verify + UPDATE, JDBC)", to - from, seconds,
                Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray(), used);
    }

    private static void signAll(Signer signer, UUID[] ids, String[] qrs, UUID eventId, UUID typeId) throws InterruptedException {
        Thread[] threads = new Thread[2];
        for (int t = 0; t < threads.length; t++) {
            int offset = t;
            threads[t] = new Thread(() -> {
                for (int i = offset; i < ids.length; i += threads.length) {
                    ids[i] = UUID.randomUUID();
                    qrs[i] = signer.sign(ids[i], eventId, typeId);
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private static void load(Jdbi jdbi, UUID[] ids, UUID eventId, UUID typeId) {
        for (int from = 0; from < ids.length; from += 5_000) {
            int start = from;
            jdbi.useTransaction(handle -> {
                PreparedBatch batch = handle.prepareBatch("""
                        insert into ticket (ticket_id, catalog_event_id, order_id, ticket_type_id, ticket_type_name,
                                            ticket_number, holder_name, issued)
                        values (:id, :event, :order, :type, 'General admission', :number, :holder, true)
                        """);
                for (int i = start; i < Math.min(ids.length, start + 5_000); i++) {
                    batch.bind("id", ids[i]).bind("event", eventId).bind("order", ids[i]).bind("type", typeId)
                            .bind("number", "TQ-BN-" + i).bind("holder", "Guest " + i).add();
                }
                batch.execute();
            });
        }
        jdbi.useHandle(handle -> handle.execute("analyze ticket"));
    }

    private static void print(int tickets, int devices, double repeats, double forgeries, int pool, Phase http,
                              Phase baseline, Map<String, AtomicLong> verdicts, long doubleAdmits, long errors) {
        System.out.println();
        System.out.printf("Door benchmark: %,d issued tickets, %d devices, %.0f%% repeats, %.0f%% forgeries, "
                + "Hikari pool %d, %d CPUs%n", tickets, devices, repeats * 100, forgeries * 100, pool,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("%-34s %9s %10s %8s %8s %8s %12s %11s %14s%n", "phase", "scans", "scans/s", "p50 ms", "p99 ms",
                "max ms", "JVM µs/scan", "PG µs/scan", "CPU-bound /s");
        for (Phase phase : List.of(http, baseline)) {
            System.out.printf("%-34s %,9d %,10.0f %8.2f %8.2f %8.2f %12.0f %11.0f %,14.0f%n", phase.name(), phase.scans(),
                    phase.perSecond(), phase.percentileMs(0.50), phase.percentileMs(0.99), phase.percentileMs(1.0),
                    phase.jvmMicrosPerScan(), phase.postgresMicrosPerScan(), phase.projectedPerSecond());
        }
        System.out.printf("load average: %.1f (on %d CPUs; others' work competes for them)%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
        if (!cpu.measuresPostgres()) {
            System.out.println("(PostgreSQL is not local: its CPU is not measured)");
        }
        System.out.println("verdicts: " + verdicts);
        System.out.printf("double admits: %d, unexpected answers: %d%n", doubleAdmits, errors);
        System.out.printf("{\"scans\":%d,\"scansPerSec\":%.0f,\"p50Ms\":%.2f,\"p99Ms\":%.2f,\"maxMs\":%.2f,"
                        + "\"doubleAdmits\":%d,\"errors\":%d,\"devices\":%d,\"tickets\":%d,\"baselinePerSec\":%.0f,"
                        + "\"baselineP99Ms\":%.2f,\"ratio\":%.2f,\"jvmMicrosPerScan\":%.0f,\"postgresMicrosPerScan\":%.0f,"
                        + "\"cpuBoundPerSec\":%.0f,\"baselineCpuBoundPerSec\":%.0f,\"loadAverage\":%.1f}%n",
                http.scans(), http.perSecond(), http.percentileMs(0.50), http.percentileMs(0.99), http.percentileMs(1.0),
                doubleAdmits, errors, devices, tickets, baseline.perSecond(), baseline.percentileMs(0.99),
                http.perSecond() / baseline.perSecond(), http.jvmMicrosPerScan(), http.postgresMicrosPerScan(),
                http.projectedPerSecond(), baseline.projectedPerSecond(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** Signs tokens in ticketing-service's format with a fresh Ed25519 key. */
    static final class Signer {
        final String keyId;
        final byte[] privateKey = new byte[Ed25519.SECRET_KEY_SIZE];
        final byte[] publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];

        Signer() {
            byte[] id = new byte[4];
            RANDOM.nextBytes(id);
            keyId = HexFormat.of().formatHex(id);
            Ed25519.generatePrivateKey(RANDOM, privateKey);
            Ed25519.generatePublicKey(privateKey, 0, publicKey, 0);
        }

        String sign(UUID ticketId, UUID eventId, UUID typeId) {
            ByteBuffer buffer = ByteBuffer.allocate(45 + 64);
            buffer.put((byte) 1).put(HexFormat.of().parseHex(keyId))
                    .putLong(ticketId.getMostSignificantBits()).putLong(ticketId.getLeastSignificantBits())
                    .putLong(eventId.getMostSignificantBits()).putLong(eventId.getLeastSignificantBits())
                    .putLong(typeId.getLeastSignificantBits());
            byte[] bytes = buffer.array();
            Ed25519.sign(privateKey, 0, publicKey, 0, bytes, 0, 45, bytes, 45);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
    }
}
