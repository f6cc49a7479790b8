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
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * {@code ./taquilla bench qr}: runs {@link QrSigningBenchmark} (one forked JVM, ~1 minute) and
 * prints a table, then one JSON line with ns/op per benchmark.
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
            scores.put(label, new double[] {result.getPrimaryResult().getScore(),
                    result.getPrimaryResult().getScoreError()});
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%-22s %14s %12s %14s%n", "benchmark", "ns/op", "± (99.9%)", "ops/s");
        scores.forEach((name, score) -> System.out.printf(Locale.ROOT, "%-22s %14.0f %12.0f %14.0f%n",
                name, score[0], score[1], 1e9 / score[0]));
        double jdkVerify = scores.get("rawEd25519JdkVerify")[0];
        double bcVerify = scores.get("rawEd25519BcVerify")[0];
        System.out.printf(Locale.ROOT, "JDK Ed25519 verify / BouncyCastle Ed25519 verify = %.1fx%n", jdkVerify / bcVerify);

        StringBuilder json = new StringBuilder("{\"benchmark\":\"qr\",\"unit\":\"ns/op\",\"results\":{");
        List<String> entries = new ArrayList<>();
        scores.forEach((name, score) -> entries.add(String.format(Locale.ROOT, "\"%s\":%.1f", name, score[0])));
        json.append(String.join(",", entries)).append("},")
                .append(String.format(Locale.ROOT, "\"jdkOverBcVerify\":%.2f,", jdkVerify / bcVerify))
                .append("\"cpus\":").append(Runtime.getRuntime().availableProcessors()).append(',')
                .append("\"java\":\"").append(System.getProperty("java.version")).append("\"}");
        System.out.println(json);
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
