package io.taquilla.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Server-sent events pass through the gateway as they are written: each event reaches the browser
 * while the upstream stream is still open, not when it ends or a buffer fills.
 */
class StreamingTest extends GatewayTest {

    @Test
    void availabilityEventsArePassedOnOneByOneWithoutBuffering() throws Exception {
        StubUpstream order = upstream("order");
        order.streamEvents.clear();
        order.streamEvents.add("id: a1\nevent: availability\ndata: {\"n\":1}\n\n");
        HttpResponse<Stream<String>> response = http.send(
                request("/api/events/8d6f0c4e-6a0e-4a55-9d43-4f6f3d1f7a10/availability/stream")
                        .header("X-Forwarded-For", freshClient())
                        .header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");

        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            Iterator<String> it = response.body().iterator();
            while (it.hasNext()) {
                lines.add(it.next());
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            // The first event arrives while the upstream keeps the stream open.
            assertThat(lines.poll(20, TimeUnit.SECONDS)).isEqualTo("id: a1");
            assertThat(lines.poll(20, TimeUnit.SECONDS)).isEqualTo("event: availability");
            assertThat(lines.poll(20, TimeUnit.SECONDS)).isEqualTo("data: {\"n\":1}");

            order.streamEvents.add("id: a2\nevent: availability\ndata: {\"n\":2}\n\n");
            assertThat(lines.poll(20, TimeUnit.SECONDS)).isEqualTo("");
            assertThat(lines.poll(20, TimeUnit.SECONDS)).isEqualTo("id: a2");
        } finally {
            order.streamEvents.add(StubUpstream.END);
            response.body().close();
        }
        assertThat(order.last("/api/events/8d6f0c4e-6a0e-4a55-9d43-4f6f3d1f7a10/availability/stream").header("Accept"))
                .isEqualTo("text/event-stream");
    }
}
