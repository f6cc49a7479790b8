package io.taquilla.order.availability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A test's server-sent-events client: reads a stream's lines into frames (blank-line separated). */
final class SseClient implements AutoCloseable {

    /** One SSE frame: its id, event name, data, and comment lines. */
    record Frame(String id, String event, String data, List<String> comments) {}

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final int status;
    final String contentType;
    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final Stream<String> lines;

    private SseClient(HttpResponse<Stream<String>> response) {
        this.status = response.statusCode();
        this.contentType = response.headers().firstValue("Content-Type").orElse("");
        this.lines = response.body();
        Thread reader = new Thread(this::read, "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    static SseClient open(String url, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return new SseClient(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
    }

    private void read() {
        String id = null;
        String event = null;
        StringBuilder data = null;
        List<String> comments = new ArrayList<>();
        try {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    frames.add(new Frame(id, event, data == null ? null : data.toString(), List.copyOf(comments)));
                    id = null;
                    event = null;
                    data = null;
                    comments.clear();
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1).strip());
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data = (data == null ? new StringBuilder() : data.append('\n')).append(line.substring(5).strip());
                }
            }
        } catch (RuntimeException closed) {
            // the test closed the stream
        }
    }

    /** The next frame, or null after {@code seconds}. */
    Frame next(int seconds) throws InterruptedException {
        return frames.poll(seconds, TimeUnit.SECONDS);
    }

    /** The next frame that is an event (skipping heartbeats), or null after {@code seconds}. */
    Frame nextEvent(int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            Frame frame = frames.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (frame != null && frame.event() != null) {
                return frame;
            }
        }
        return null;
    }

    @Override
    public void close() {
        lines.close();
    }
}
