package io.taquilla.payment.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.taquilla.contracts.Topics;
import io.taquilla.contracts.payments.CheckoutSessionCreated;
import io.taquilla.payment.PaymentServiceApplication;
import io.taquilla.payment.support.Orders;
import io.taquilla.payment.support.PaymentTopics;
import io.taquilla.payment.support.StripeWebhooks;
import io.taquilla.testsupport.TestInfrastructure;
import io.taquilla.testsupport.TestInfrastructureInitializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Webhook → {@code PaymentSucceeded} on Kafka, measured from outside: the time from sending a
 * signed {@code checkout.session.completed} until a Kafka consumer receives the payment event,
 * first one at a time (unloaded), then as a burst from 8 concurrent senders. Also prints the
 * service's own {@code taquilla.payments.webhook.to.published} timer (stored → Kafka ack).
 * Runs payment-service in-process against the test infrastructure and WireMock "Stripe".
 *
 * <pre>./mvnw -B -q -pl payment-service test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.taquilla.payment.bench.WebhookLatencyBench [-Dexec.args="300"]</pre>
 * or {@code -Dexec.args="300 simulator"} for the whole simulated path (no Stripe key: pay through the
 * simulator's JSON endpoint, which signs and sends the webhooks).
 */
public final class WebhookLatencyBench {

    /** When each order's PaymentSucceeded reached the bench's consumer (System.nanoTime). */
    private static final Map<UUID, java.util.concurrent.CompletableFuture<Long>> arrivals = new ConcurrentHashMap<>();
    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();
    private static boolean simulator;

    private WebhookLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        simulator = args.length > 1 && args[1].equals("simulator");
        int warmup = 30;
        // "simulator": no Stripe key, so the built-in simulator plays Stripe and each payment is a
        // POST to its JSON endpoint, which sends the two signed webhooks over HTTP.
        ConfigurableApplicationContext app = new SpringApplicationBuilder(PaymentServiceApplication.class)
                .initializers(new TestInfrastructureInitializer())
                .properties("server.port=0", "logging.level.root=WARN", "logging.level.io.taquilla=WARN")
                .run(simulator ? new String[] {"--taquilla.payments.stripe.secret-key="} : new String[0]);
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        startArrivalReader();

        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 2 * orders + warmup; i++) {
            UUID orderId = UUID.randomUUID();
            ids.add(orderId);
            PaymentTopics.send(Orders.placed(orderId));
        }
        List<String> sessions = new ArrayList<>();
        for (UUID orderId : ids) {
            sessions.add(PaymentTopics.awaitEvent(orderId, CheckoutSessionCreated.class).sessionId());
        }

        for (int i = 0; i < warmup; i++) {
            sequential(port, ids.get(i), sessions.get(i));
        }
        long[] unloaded = new long[orders];
        for (int i = 0; i < orders; i++) {
            unloaded[i] = sequential(port, ids.get(warmup + i), sessions.get(warmup + i));
        }
        long[] burst = burst(port, ids.subList(warmup + orders, ids.size()), sessions.subList(warmup + orders, ids.size()));

        MeterRegistry meters = app.getBean(MeterRegistry.class);
        ValueAtPercentile[] server = meters.get("taquilla.payments.webhook.to.published").timer().takeSnapshot().percentileValues();

        System.out.println();
        System.out.println(simulator
                ? "Simulator pay (JSON endpoint -> 2 signed webhooks over HTTP) -> PaymentSucceeded received from Kafka"
                : "Webhook (signed checkout.session.completed) -> PaymentSucceeded received from Kafka");
        System.out.println("infrastructure: " + TestInfrastructure.get().description());
        System.out.printf("%-34s %8s %8s %8s %8s%n", "run", "n", "p50 ms", "p99 ms", "max ms");
        row("sequential (one at a time)", unloaded);
        row("burst (8 concurrent senders)", burst);
        System.out.printf("%-34s %8s %8.1f %8.1f %8s%n", "server timer stored->Kafka ack", "all",
                server[0].value(TimeUnit.MILLISECONDS), server[1].value(TimeUnit.MILLISECONDS), "");
        System.out.printf("{\"bench\":\"payment-webhook-latency\",\"provider\":\"%s\",\"orders\":%d,\"sequential_p50_ms\":%.1f,\"sequential_p99_ms\":%.1f,"
                        + "\"burst_p50_ms\":%.1f,\"burst_p99_ms\":%.1f,\"server_p50_ms\":%.1f,\"server_p99_ms\":%.1f}%n",
                simulator ? "simulator" : "stripe-wiremock", orders, pct(unloaded, 50), pct(unloaded, 99), pct(burst, 50), pct(burst, 99),
                server[0].value(TimeUnit.MILLISECONDS), server[1].value(TimeUnit.MILLISECONDS));
        app.close();
        System.exit(0);
    }

    private static long sequential(int port, UUID orderId, String sessionId) {
        long start = System.nanoTime();
        send(port, orderId, sessionId);
        return arrival(orderId) - start;
    }

    private static long[] burst(int port, List<UUID> ids, List<String> sessions) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(8);
        List<Future<Long>> starts = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            UUID orderId = ids.get(i);
            String sessionId = sessions.get(i);
            starts.add(senders.submit(() -> {
                long start = System.nanoTime();
                send(port, orderId, sessionId);
                return start;
            }));
        }
        long[] latencies = new long[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            long start = starts.get(i).get();
            latencies[i] = arrival(ids.get(i)) - start;
        }
        senders.shutdown();
        return latencies;
    }

    /** Blocks (without spinning: two shared cores) until the order's PaymentSucceeded arrived. */
    private static long arrival(UUID orderId) {
        try {
            return arrivals.computeIfAbsent(orderId, id -> new java.util.concurrent.CompletableFuture<>())
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("no PaymentSucceeded for " + orderId, e);
        }
    }

    private static void send(int port, UUID orderId, String sessionId) {
        if (simulator) {
            java.net.http.HttpRequest pay = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                            "http://localhost:" + port + "/api/payments/simulator/sessions/" + sessionId + "/pay"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build();
            try {
                int status = HTTP.send(pay, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status != 200) {
                    throw new IllegalStateException("simulator answered " + status);
                }
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        String payload = StripeWebhooks.sessionCompleted(StripeWebhooks.newEventId(), orderId, sessionId,
                "pi_bench_" + orderId.toString().replace("-", ""), Orders.TOTAL, "eur");
        StripeWebhooks.Answer answer = StripeWebhooks.deliver(port, payload);
        if (answer.status() != 200) {
            throw new IllegalStateException("webhook answered " + answer.status() + ": " + answer.body());
        }
    }

    private static void startArrivalReader() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "payment-bench-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config);
        consumer.subscribe(List.of(Topics.PAYMENTS_PAYMENT));
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
        Thread reader = new Thread(() -> {
            while (true) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    String type = new String(record.headers().lastHeader("eventType").value(), StandardCharsets.UTF_8);
                    if ("PaymentSucceeded".equals(type)) {
                        long now = System.nanoTime();
                        arrivals.computeIfAbsent(UUID.fromString(record.key()), id -> new java.util.concurrent.CompletableFuture<>())
                                .complete(now);
                    }
                }
            }
        }, "bench-arrivals");
        reader.setDaemon(true);
        reader.start();
    }

    private static void row(String name, long[] nanos) {
        System.out.printf("%-34s %8d %8.1f %8.1f %8.1f%n", name, nanos.length, pct(nanos, 50), pct(nanos, 99),
                Arrays.stream(nanos).max().orElse(0) / 1e6);
    }

    private static double pct(long[] nanos, double percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }
}
