package io.taquilla.door;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The built door app ({@code target/classes/door-app}) at {@code /door/} plus a stub of the few
 * {@code /api} answers the page needs, so the page can be driven in a browser without the stack.
 * The stub only answers what a test scripted; the real API is exercised in local-stack.
 */
final class StubDoorServer implements AutoCloseable {

    record Call(String method, String path, String body) {}

    private static final Map<String, String> TYPES = Map.of("html", "text/html", "css", "text/css", "js", "text/javascript",
            "webmanifest", "application/manifest+json", "svg", "image/svg+xml", "json", "application/json");

    final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Function<Call, String>> api;
    private final HttpServer server;

    StubDoorServer(Path app, Map<String, Function<Call, String>> api) throws IOException {
        this.api = api;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try {
                handle(app, exchange);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    String origin() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    List<Call> calls(String path) {
        return calls.stream().filter(c -> c.path().equals(path)).toList();
    }

    private void handle(Path app, HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Call call = new Call(exchange.getRequestMethod(), path, body);
        calls.add(call);
        if (api.containsKey(path)) {
            send(exchange, 200, "application/json", api.get(path).apply(call).getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (path.equals("/door/") || path.equals("/door/callback")) {
            path = "/door/index.html";
        }
        Path file = app.resolve(path.replaceFirst("^/door/", "")).normalize();
        if (!path.startsWith("/door/") || !file.startsWith(app) || !Files.isRegularFile(file)) {
            send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String name = file.getFileName().toString();
        send(exchange, 200, TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream"),
                Files.readAllBytes(file));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
