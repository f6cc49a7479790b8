package io.taquilla.ticketing.bench;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.Statistics;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * {@code ./taquilla bench qr}: runs {@link QrSigningBenchmark} (one forked JVM, ~1 minute) and
 * prints a table (median, mean and p99 ns/op), then one JSON line.
 *
 * <pre>
 * ./mvnw -B -q -pl ticketing-service test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.taquilla.ticketing.bench.QrBench
 * </pre>
 */
public final class QrBench {

    private QrBench() {
    }

    public static void main(String[] args) throws Exception {
        exposeClasspathToForks();
        Options options = new OptionsBuilder()
                .include(QrSigningBenchmark.class.getName())
                .verbosity(VerboseMode.SILENT)
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();

        Map<String, double[]> scores = new LinkedHashMap<>();
        for (RunResult result : results) {
            String label = result.getParams().getBenchmark();
            label = label.substring(label.lastIndexOf('.') + 1);
            Statistics statistics = result.getPrimaryResult().getStatistics();
            scores.put(label, new double[] {statistics.getPercentile(50), statistics.getMean(),
                    statistics.getPercentile(99), statistics.getN()});
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%-22s %12s %12s %12s %12s %10s%n",
                "benchmark", "p50 ns/op", "mean ns/op", "p99 ns/op", "ops/s (p50)", "samples");
        scores.forEach((name, score) -> System.out.printf(Locale.ROOT, "%-22s %12.0f %12.0f %12.0f %12.0f %10.0f%n",
                name, score[0], score[1], score[2], 1e9 / score[0], score[3]));
        double ratio = scores.get("rawEd25519JdkVerify")[0] / scores.get("rawEd25519BcVerify")[0];
        System.out.printf(Locale.ROOT, "JDK Ed25519 verify / BouncyCastle Ed25519 verify (p50) = %.1fx%n", ratio);

        List<String> medians = new ArrayList<>();
        List<String> means = new ArrayList<>();
        scores.forEach((name, score) -> {
            medians.add(String.format(Locale.ROOT, "\"%s\":%.1f", name, score[0]));
            means.add(String.format(Locale.ROOT, "\"%s\":%.1f", name, score[1]));
        });
        System.out.println("{\"benchmark\":\"qr\",\"unit\":\"ns/op\",\"p50\":{" + String.join(",", medians)
                + "},\"mean\":{" + String.join(",", means) + "}"
                + String.format(Locale.ROOT, ",\"jdkOverBcVerify\":%.2f", ratio)
                + ",\"cpus\":" + Runtime.getRuntime().availableProcessors()
                + ",\"java\":\"" + System.getProperty("java.version") + "\"}");
    }

    /**
     * JMH forks a JVM with {@code java.class.path}; under {@code exec:java} that is Maven's own
     * launcher, so hand the forks the test classpath the benchmark was loaded from.
     */
    private static void exposeClasspathToForks() throws URISyntaxException {
        ClassLoader loader = QrBench.class.getClassLoader();
        if (!(loader instanceof URLClassLoader urls) || urls.getURLs().length == 0) {
            return;
        }
        List<String> entries = new ArrayList<>();
        for (URL url : urls.getURLs()) {
            entries.add(Path.of(url.toURI()).toString());
        }
        System.setProperty("java.class.path", String.join(File.pathSeparator, entries));
    }
}
