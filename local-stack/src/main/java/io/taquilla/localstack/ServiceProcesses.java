package io.taquilla.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs each service's packaged jar as its own process, as in production, with the environment
 * the local stack provides; logs go to {@code .taquilla/logs/<module>.log}.
 */
final class ServiceProcesses implements AutoCloseable {

    record Running(String module, int port, Process process, Path log) {}

    private final Path home;
    private final Path logs;
    private final List<Running> running = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    ServiceProcesses(Path home, Path logs) throws IOException {
        this.home = home;
        this.logs = logs;
        Files.createDirectories(logs);
    }

    static Path jar(Path home, String module) {
        return home.resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT.jar");
    }

    void start(String module, int port, Map<String, String> environment) throws IOException {
        Path jar = jar(home, module);
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests install)");
        }
        if (!portFree(port)) {
            throw new IllegalStateException("port " + port + " for " + module + " is already in use: "
                    + "stop whatever listens there (an earlier ./taquilla up?) and try again");
        }
        Path log = logs.resolve(module + ".log");
        // Run a copy: rebuilding the module while the stack runs must not pull classes from under it.
        Path copy = logs.resolveSibling("run").resolve(module + ".jar");
        Files.createDirectories(copy.getParent());
        Files.copy(jar, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
                "-jar", copy.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.putAll(environment);
        env.put("SERVER_PORT", String.valueOf(port));
        running.add(new Running(module, port, builder.start(), log));
    }

    /** Waits until every service reports ready, failing fast (with its log) if one exits. */
    void awaitReady(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        List<Running> waiting = new ArrayList<>(running);
        while (!waiting.isEmpty()) {
            for (Running service : new ArrayList<>(waiting)) {
                if (!service.process().isAlive()) {
                    throw new IllegalStateException(service.module() + " exited with " + service.process().exitValue()
                            + "; last lines of " + service.log() + ":\n" + tail(service.log(), 40));
                }
                if (ready(service.port()) && service.process().isAlive()) {
                    waiting.remove(service);
                }
            }
            if (Instant.now().isAfter(deadline)) {
                StringBuilder detail = new StringBuilder();
                for (Running service : waiting) {
                    detail.append("\n--- ").append(service.module()).append(" ---\n").append(tail(service.log(), 30));
                }
                throw new IllegalStateException("not ready after " + timeout + ": "
                        + waiting.stream().map(Running::module).toList() + detail);
            }
            Thread.sleep(250);
        }
    }

    private static boolean portFree(int port) {
        try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
            socket.setReuseAddress(true); // as Tomcat does: TIME_WAIT left by a stopped stack is no obstacle
            socket.bind(new java.net.InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private boolean ready(int port) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    Map<String, Integer> ports() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        running.forEach(r -> ports.put(r.module(), r.port()));
        return ports;
    }

    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        running.forEach(r -> r.process().destroy());
        for (Running r : running) {
            try {
                if (!r.process().waitFor(20, TimeUnit.SECONDS)) {
                    r.process().destroyForcibly();
                }
            } catch (InterruptedException e) {
                r.process().destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        running.clear();
    }
}
