package io.taquilla.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Prometheus names of the meters the code registers (Counter/Timer/Gauge/DistributionSummary
 * builders and {@code MeterRegistry.gauge}), plus the families Spring and the Kafka client
 * register by themselves. A static, early version of the live scrape the local-stack test does.
 */
final class MetersInCode {

    private static final Pattern BUILDER = Pattern.compile(
            "(Counter|Timer|Gauge|DistributionSummary|LongTaskTimer|FunctionCounter|TimeGauge)\\.builder\\(\\s*\"([a-z0-9.]+)\"\\s*(\\+)?");
    private static final Pattern REGISTRY_GAUGE = Pattern.compile("\\.gauge\\(\\s*\"([a-z0-9.]+)\"");
    /** Registered by Spring Boot (HTTP server observations) and Micrometer's Kafka client binder. */
    static final Set<String> FRAMEWORK_PREFIXES = Set.of("http_server_requests_seconds_", "kafka_consumer_", "kafka_producer_",
            "jvm_", "process_", "hikaricp_", "tomcat_", "system_");

    private final Set<String> names = new TreeSet<>();
    private final Set<String> prefixes = new TreeSet<>(FRAMEWORK_PREFIXES);

    static MetersInCode scan(Path root) {
        MetersInCode meters = new MetersInCode();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(Files::isDirectory).toList()) {
                Path main = module.resolve("src/main/java");
                if (Files.isDirectory(main)) {
                    try (Stream<Path> files = Files.walk(main)) {
                        files.filter(f -> f.toString().endsWith(".java")).forEach(f -> meters.read(Repo.read(f)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return meters;
    }

    void read(String source) {
        Matcher b = BUILDER.matcher(source);
        while (b.find()) {
            String base = b.group(2).replace('.', '_');
            if (b.group(3) != null) {
                prefixes.add(base); // a name built at run time, e.g. "taquilla.orders." + outcome
                continue;
            }
            switch (b.group(1)) {
                case "Counter", "FunctionCounter" -> names.add(base + "_total");
                case "Timer", "LongTaskTimer" -> {
                    for (String suffix : new String[] {"", "_count", "_sum", "_max", "_bucket", "_active_count", "_duration_sum"}) {
                        names.add(base + "_seconds" + suffix);
                    }
                }
                case "DistributionSummary" -> {
                    for (String suffix : new String[] {"", "_count", "_sum", "_max", "_bucket"}) {
                        names.add(base + suffix);
                    }
                }
                default -> names.add(base);
            }
        }
        Matcher g = REGISTRY_GAUGE.matcher(source);
        while (g.find()) {
            names.add(g.group(1).replace('.', '_'));
        }
    }

    boolean registers(String metric) {
        return names.contains(metric) || prefixes.stream().anyMatch(metric::startsWith);
    }
}
