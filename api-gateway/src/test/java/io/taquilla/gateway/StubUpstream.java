package io.taquilla.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A tiny HTTP server standing in for one service: answers with its name and remembers what it got. */
final class StubUpstream {

    record Received(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }
    }

    final String name;
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    StubUpstream(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            if (exchange.getRequestURI().getPath().endsWith("/stream")) {
                stream(exchange);
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String query = exchange.getRequestURI().getRawQuery();
            received.add(new Received(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query),
                    Map.copyOf(exchange.getRequestHeaders()), body));
            byte[] answer = ("{\"service\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        // Streams block their thread; other requests must not wait behind them.
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "stub-" + name);
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    /** What the stub's event streams send next; {@link #END} closes them. */
    final java.util.concurrent.BlockingQueue<String> streamEvents = new java.util.concurrent.LinkedBlockingQueue<>();
    static final String END = "END";

    /** Answers {@code .../stream} like an SSE endpoint: each queued event written and flushed at once. */
    private void stream(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                Map.copyOf(exchange.getRequestHeaders()), ""));
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (java.io.OutputStream out = exchange.getResponseBody()) {
            while (true) {
                String event = streamEvents.poll(30, java.util.concurrent.TimeUnit.SECONDS);
                if (event == null || END.equals(event)) {
                    return;
                }
                out.write(event.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGone) {
            // the gateway closed the stream
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The last request whose path and query equal {@code pathAndQuery}. */
    Received last(String pathAndQuery) {
        for (int i = received.size() - 1; i >= 0; i--) {
            if (received.get(i).pathAndQuery().equals(pathAndQuery)) {
                return received.get(i);
            }
        }
        throw new AssertionError(name + " never received " + pathAndQuery + "; it got "
                + received.stream().map(Received::pathAndQuery).toList());
    }
}
