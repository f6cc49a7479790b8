package io.taquilla.messaging.bench;

import io.taquilla.messaging.MessagingProperties;
import io.taquilla.messaging.consumer.ConsumerRecovery;
import io.taquilla.testsupport.TestInfrastructure;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * How long a consumer group takes to consume again after one member dies, per consumer
 * configuration. A member runs in a child JVM; once it consumes, it is killed (SIGKILL, as
 * {@code kill -9}) or stopped (SIGTERM, a rolling restart). The replacement starts {@code
 * restart} later — the ~5 s a service takes to be UP — and the program reports the time from
 * the replacement's start ("UP") until it has received a record from every partition, while a
 * producer writes to every partition every 50 ms.
 *
 * <pre>./mvnw -B -q -pl platform-messaging test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.taquilla.messaging.bench.RecoveryBench</pre>
 */
public final class RecoveryBench {

    private static final int PARTITIONS = 3;
    private static final Duration RESTART = Duration.ofSeconds(5);

    private RecoveryBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("member")) {
            member(args[1], args[2], args[3], args[4]);
            return;
        }
        String bootstrap = TestInfrastructure.get().bootstrapServers();
        Map<String, String> results = new LinkedHashMap<>();
        List<String> variants = args.length > 0 ? List.of(args) : List.of("defaults", "kip848", "tuned", "static");
        for (String variant : variants) {
            for (String stop : List.of("kill", "term")) {
                if (variant.equals("static") && stop.equals("term")) {
                    continue;
                }
                Duration took = run(bootstrap, variant, stop);
                String line = String.format("%-9s %-5s UP -> consuming every partition: %5.1f s", variant, stop,
                        took.toMillis() / 1000.0);
                System.out.println(line);
                results.put(variant + "-" + stop, String.format("%.1f", took.toMillis() / 1000.0));
            }
        }
        System.out.println("{" + String.join(",", results.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + e.getValue()).toList()) + "}");
        System.exit(0);
    }

    /** The consumer configuration of each variant; "tuned" and "static" are the messaging module's. */
    static Map<String, Object> config(String bootstrap, String group, String variant) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, true);
        MessagingProperties.Consumer defaults = new MessagingProperties.Consumer(Duration.ofMillis(200), 2.0,
                Duration.ofSeconds(30), 0.2, Duration.ofSeconds(10), Duration.ofSeconds(3),
                variant.equals("static") ? "bench" : null);
        switch (variant) {
            case "defaults" -> config.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
            case "kip848" -> config.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer");
            case "tuned" -> config.putAll(ConsumerRecovery.settings(defaults));
            case "static" -> {
                config.putAll(ConsumerRecovery.settings(defaults));
                config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, ConsumerRecovery.instanceId(defaults, "listener"));
            }
            default -> throw new IllegalArgumentException(variant);
        }
        return config;
    }

    private static Duration run(String bootstrap, String variant, String stop) throws Exception {
        String topic = "recovery-" + variant + "-" + stop + "-" + UUID.randomUUID().toString().substring(0, 8);
        String group = topic + "-group";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        AtomicBoolean producing = new AtomicBoolean(true);
        Thread producer = new Thread(() -> produce(bootstrap, topic, producing), "bench-producer");
        producer.start();
        Process member = new ProcessBuilder(javaBinary(), "-cp", classpath(), RecoveryBench.class.getName(), "member",
                bootstrap, topic, group, variant).redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(member.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = output.readLine()) != null && !line.equals("CONSUMING")) {
            if (line.contains("ERROR") || line.contains("Exception")) {
                System.err.println("[member] " + line);
            }
        }
        if (stop.equals("kill")) {
            member.destroyForcibly();
        } else {
            member.destroy();
        }
        member.waitFor(30, TimeUnit.SECONDS);
        Thread.sleep(RESTART.toMillis());
        long up = System.nanoTime();
        Set<Integer> seen = new HashSet<>();
        try (KafkaConsumer<String, String> replacement = new KafkaConsumer<>(config(bootstrap, group, variant),
                new StringDeserializer(), new StringDeserializer())) {
            replacement.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (seen.size() < PARTITIONS && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : replacement.poll(Duration.ofMillis(100))) {
                    seen.add(record.partition());
                }
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - up);
        producing.set(false);
        producer.join();
        return took;
    }

    private static void member(String bootstrap, String topic, String group, String variant) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config(bootstrap, group, variant),
                new StringDeserializer(), new StringDeserializer());
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            consumer.wakeup();
            try {
                main.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        consumer.subscribe(List.of(topic));
        Set<Integer> seen = new HashSet<>();
        try {
            while (true) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    if (seen.add(record.partition()) && seen.size() == PARTITIONS) {
                        System.out.println("CONSUMING");
                        System.out.flush();
                    }
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException stopping) {
            consumer.close();
        }
    }

    private static void produce(String bootstrap, String topic, AtomicBoolean producing) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap, "linger.ms", 0),
                new StringSerializer(), new StringSerializer())) {
            while (producing.get()) {
                for (int partition = 0; partition < PARTITIONS; partition++) {
                    producer.send(new ProducerRecord<>(topic, partition, "k", "v"));
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String javaBinary() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    /** exec:java runs the program in a class loader of its own; the child JVM needs its URLs. */
    private static String classpath() {
        List<String> entries = new ArrayList<>();
        for (ClassLoader loader = RecoveryBench.class.getClassLoader(); loader != null; loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    entries.add(new File(url.getPath()).getAbsolutePath());
                }
            }
        }
        entries.add(System.getProperty("java.class.path"));
        return String.join(File.pathSeparator, entries);
    }
}
