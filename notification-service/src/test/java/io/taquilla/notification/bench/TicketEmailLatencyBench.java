package io.taquilla.notification.bench;

import io.taquilla.contracts.ticketing.TicketsIssued;
import io.taquilla.notification.NotificationServiceApplication;
import io.taquilla.notification.TestEvents;
import io.taquilla.notification.TestMailServer;
import io.taquilla.testsupport.TestInfrastructure;
import io.taquilla.testsupport.TestInfrastructureInitializer;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code TicketsIssued} produced to Kafka → tickets email (2 tickets: 2 inline QR PNGs + a 2-page
 * PDF) received by a real SMTP server (GreenMail, in this JVM). The whole notification-service runs
 * against the test PostgreSQL and Kafka. Two runs of 100 orders: paced (one order every 100 ms, so
 * no queueing) and a burst (all 100 produced at once). Not a test: run with
 * <pre>
 * ./mvnw -B -q -pl notification-service test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.taquilla.notification.bench.TicketEmailLatencyBench
 * </pre>
 * Prints a table, and as last line one JSON object.
 */
public final class TicketEmailLatencyBench {

    private static final int ORDERS = Integer.getInteger("bench.orders", 100);
    private static final int TICKETS_PER_ORDER = Integer.getInteger("bench.tickets", 2);

    private final Map<String, Long> producedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> receivedAt = new ConcurrentHashMap<>();
    private final IdentityHashMap<MimeMessage, Boolean> seen = new IdentityHashMap<>();
    private volatile boolean watching = true;

    public static void main(String[] args) throws Exception {
        TestInfrastructure.get();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(NotificationServiceApplication.class)
                .initializers(new TestInfrastructureInitializer())
                .properties("server.port=0", "logging.level.io.taquilla=warn", "logging.level.org.apache.kafka=warn",
                        "logging.level.com.icegreen=warn", "logging.level.org.springframework.kafka=warn")
                .run();
        int exit = 0;
        try {
            new TicketEmailLatencyBench().run();
        } catch (Exception e) {
            e.printStackTrace();
            exit = 1;
        } finally {
            app.close();
        }
        System.exit(exit);
    }

    private void run() throws Exception {
        Thread watcher = new Thread(this::watchInbox, "inbox-watcher");
        watcher.setDaemon(true);
        watcher.start();

        // Warm-up: consumer group assignment, JIT, font and template loading.
        List<String> warmUp = produce("warmup", 20, 20);
        await(warmUp, 120);

        List<String> paced = produce("paced", ORDERS, 100);
        await(paced, 120);
        List<String> burst = produce("burst", ORDERS, 0);
        await(burst, 300);
        watching = false;

        Stats pacedStats = stats(paced);
        Stats burstStats = stats(burst);
        System.out.println();
        System.out.println("TicketsIssued produced -> email received in GreenMail (" + TICKETS_PER_ORDER
                + " tickets per order: inline QR PNGs + PDF)");
        System.out.printf(Locale.ROOT, "%-28s %6s %9s %9s %9s %9s %12s%n", "run", "orders", "p50 ms", "p90 ms", "p99 ms",
                "max ms", "emails/s");
        print("paced (1 order / 100 ms)", pacedStats);
        print("burst (" + ORDERS + " at once)", burstStats);
        System.out.printf(Locale.ROOT,
                "{\"bench\":\"notification-email-latency\",\"orders\":%d,\"ticketsPerOrder\":%d,"
                        + "\"paced\":{\"p50Ms\":%.1f,\"p90Ms\":%.1f,\"p99Ms\":%.1f,\"maxMs\":%.1f},"
                        + "\"burst\":{\"p50Ms\":%.1f,\"p90Ms\":%.1f,\"p99Ms\":%.1f,\"maxMs\":%.1f,\"emailsPerSecond\":%.1f}}%n",
                ORDERS, TICKETS_PER_ORDER, pacedStats.p50, pacedStats.p90, pacedStats.p99, pacedStats.max,
                burstStats.p50, burstStats.p90, burstStats.p99, burstStats.max, burstStats.throughput);
    }

    private List<String> produce(String run, int count, long pauseMillis) throws InterruptedException {
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String email = "bench-" + run + "-" + i + "-" + UUID.randomUUID() + "@example.com";
            TicketsIssued issued = TestEvents.ticketsIssued(UUID.randomUUID(), "Bench Night " + i, "Buyer " + i, email,
                    null, TICKETS_PER_ORDER);
            recipients.add(email);
            producedAt.put(email, System.nanoTime());
            TestEvents.publishTickets(issued);
            if (pauseMillis > 0) {
                Thread.sleep(pauseMillis);
            }
        }
        return recipients;
    }

    private void await(List<String> recipients, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!recipients.stream().allMatch(receivedAt::containsKey)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("emails missing after " + seconds + " s: "
                        + recipients.stream().filter(r -> !receivedAt.containsKey(r)).count());
            }
            Thread.sleep(20);
        }
    }

    /** Notes, to within ~1 ms, when each recipient's email lands in GreenMail. */
    private void watchInbox() {
        while (watching) {
            for (MimeMessage message : TestMailServer.all()) {
                if (seen.put(message, Boolean.TRUE) == null) {
                    long now = System.nanoTime();
                    try {
                        Address[] to = message.getAllRecipients();
                        Arrays.stream(to).forEach(a -> receivedAt.putIfAbsent(a.toString(), now));
                    } catch (Exception e) {
                        // Not one of ours.
                    }
                }
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private record Stats(double p50, double p90, double p99, double max, double throughput, int count) {}

    private Stats stats(List<String> recipients) {
        double[] millis = recipients.stream()
                .mapToDouble(r -> (receivedAt.get(r) - producedAt.get(r)) / 1_000_000.0).sorted().toArray();
        long first = recipients.stream().mapToLong(producedAt::get).min().orElseThrow();
        long last = recipients.stream().mapToLong(receivedAt::get).max().orElseThrow();
        double seconds = (last - first) / 1e9;
        return new Stats(percentile(millis, 50), percentile(millis, 90), percentile(millis, 99), millis[millis.length - 1],
                recipients.size() / seconds, millis.length);
    }

    private static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static void print(String run, Stats s) {
        System.out.printf(Locale.ROOT, "%-28s %6d %9.1f %9.1f %9.1f %9.1f %12.1f%n", run, s.count, s.p50, s.p90, s.p99, s.max,
                s.throughput);
    }
}
