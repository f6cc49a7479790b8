package io.taquilla.order.availability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.taquilla.contracts.ordering.InventoryChanged;
import io.taquilla.order.inventory.InventoryCounts;
import io.taquilla.order.inventory.domain.EventAvailability;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open availability streams of this instance, grouped by event. Each watched event has one
 * in-memory {@link AvailabilityState}: loaded from the database when its first client connects
 * (one query, shared), then kept current from {@code InventoryChanged} and fanned out to every
 * client without touching the database. When an event's last client leaves, its state is dropped.
 * Connections are capped per instance; idle streams get a heartbeat comment so proxies keep them
 * open and dead clients are noticed.
 */
@Component
public class AvailabilityBroadcaster implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AvailabilityBroadcaster.class);

    /** What a connect attempt got. */
    public sealed interface Subscription permits Subscribed, UnknownEvent, Full {}

    public record Subscribed(SseEmitter emitter) implements Subscription {}

    public record UnknownEvent() implements Subscription {}

    public record Full(int limit) implements Subscription {}

    private static final class Channel {
        final Set<SseEmitter> clients = new CopyOnWriteArraySet<>();
        volatile AvailabilityState state;

        Channel(AvailabilityState state) {
            this.state = state;
        }
    }

    private final Jdbi jdbi;
    private final InventoryCounts counts;
    private final int maxConnections;
    private final Duration timeout;
    private final ConcurrentHashMap<UUID, Channel> channels = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final Counter loads;
    private volatile boolean running;

    public AvailabilityBroadcaster(Jdbi jdbi, InventoryCounts counts, MeterRegistry meters,
                                   @Value("${taquilla.orders.availability-stream.max-connections:2000}") int maxConnections,
                                   @Value("${taquilla.orders.availability-stream.timeout:30m}") Duration timeout) {
        this.jdbi = jdbi;
        this.counts = counts;
        this.maxConnections = maxConnections;
        this.timeout = timeout;
        this.loads = Counter.builder("taquilla.availability.stream.loads")
                .description("Availability states read from the database for streaming (once per watched event, not per client)")
                .register(meters);
        Gauge.builder("taquilla.availability.stream.connections", connections, AtomicInteger::get)
                .description("Open availability streams on this instance").register(meters);
    }

    /**
     * Opens a stream on {@code eventId}. The current state is sent at once, unless
     * {@code lastEventId} names it already (a reconnect that missed nothing).
     */
    public Subscription subscribe(UUID eventId, String lastEventId) {
        if (connections.incrementAndGet() > maxConnections) {
            connections.decrementAndGet();
            return new Full(maxConnections);
        }
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        Channel channel;
        try {
            channel = channels.compute(eventId, (id, existing) -> {
                Channel joined = existing != null ? existing : load(id).map(Channel::new).orElse(null);
                if (joined != null) {
                    joined.clients.add(emitter);
                }
                return joined;
            });
        } catch (RuntimeException e) {
            connections.decrementAndGet();
            throw e;
        }
        if (channel == null) {
            connections.decrementAndGet();
            return new UnknownEvent();
        }
        AtomicBoolean open = new AtomicBoolean(true);
        Runnable leave = () -> {
            if (open.compareAndSet(true, false)) {
                connections.decrementAndGet();
                channels.computeIfPresent(eventId, (id, current) -> {
                    current.clients.remove(emitter);
                    return current.clients.isEmpty() ? null : current;
                });
            }
        };
        emitter.onCompletion(leave);
        emitter.onTimeout(leave);
        emitter.onError(error -> leave.run());
        AvailabilityState state = channel.state;
        try {
            if (state.id().equals(lastEventId)) {
                emitter.send(SseEmitter.event().comment("resumed: state " + state.id() + " is current"));
            } else {
                emitter.send(event(state));
            }
        } catch (IOException e) {
            leave.run();
            emitter.completeWithError(e);
        }
        return new Subscribed(emitter);
    }

    /** New counts for one ticket type: update the event's state if watched here, and tell its clients. */
    public void apply(InventoryChanged change) {
        Channel channel = channels.get(change.catalogEventId());
        if (channel == null) {
            return;
        }
        AvailabilityState next;
        synchronized (channel) {
            AvailabilityState current = channel.state;
            next = current.with(change.ticketTypeId(), change.capacity(), change.held(), change.sold(), change.available());
            if (next == null) {
                // A type this state does not show (added since it was loaded): read the event again, once.
                next = load(change.catalogEventId()).orElse(current);
            }
            if (next.id().equals(current.id())) {
                return;
            }
            channel.state = next;
        }
        SseEmitter.SseEventBuilder event = event(next);
        for (SseEmitter client : channel.clients) {
            send(client, event);
        }
    }

    /** A comment line on every stream: keeps proxies from closing idle ones and finds dead clients. */
    @Scheduled(fixedDelayString = "${taquilla.orders.availability-stream.heartbeat:15s}")
    public void heartbeat() {
        SseEmitter.SseEventBuilder ping = SseEmitter.event().comment("heartbeat");
        channels.values().forEach(channel -> channel.clients.forEach(client -> send(client, ping)));
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every stream before the web server's graceful shutdown (which would otherwise wait for
     * them): browsers reconnect at once, to another instance.
     */
    @Override
    public void stop() {
        running = false;
        channels.values().forEach(channel -> channel.clients.forEach(SseEmitter::complete));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    public int connections() {
        return connections.get();
    }

    /** How many states were read from the database so far. */
    public long loads() {
        return (long) loads.count();
    }

    private void send(SseEmitter client, SseEmitter.SseEventBuilder event) {
        try {
            client.send(event);
        } catch (IOException | IllegalStateException e) {
            // The client went away: completing runs the completion callback, which unsubscribes it.
            log.debug("availability stream closed: {}", e.toString());
            client.completeWithError(e);
        }
    }

    private Optional<AvailabilityState> load(UUID eventId) {
        loads.increment();
        Optional<EventAvailability> availability = jdbi.withHandle(handle -> counts.forEvent(handle, eventId));
        return availability.map(AvailabilityState::of);
    }

    private static SseEmitter.SseEventBuilder event(AvailabilityState state) {
        // The JSON is a String made once per state; every client gets the same text.
        return SseEmitter.event().id(state.id()).name("availability").data(state.json());
    }
}
