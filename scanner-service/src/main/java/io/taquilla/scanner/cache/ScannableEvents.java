package io.taquilla.scanner.cache;

import io.taquilla.scanner.door.domain.ScannableEvent;
import io.taquilla.scanner.door.domain.ScannableEvent.TicketTypeInfo;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Catalog events as the door needs them, in memory with a short time-to-live over the
 * {@code scannable_event} table: another instance of this service may have consumed an update.
 * Absence is remembered for the same time, so scans for an unknown event cost one query per TTL.
 */
@Component
public class ScannableEvents {

    private static final long TTL_MILLIS = 10_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<TicketTypeInfo>> TYPES = new TypeReference<>() { };

    private record Cached(Optional<ScannableEvent> event, long loadedAt) {}

    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();
    private final Jdbi jdbi;
    private final Clock clock;

    public ScannableEvents(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Optional<ScannableEvent> find(UUID catalogEventId) {
        long now = clock.millis();
        Cached cached = cache.get(catalogEventId);
        if (cached == null || now - cached.loadedAt() > TTL_MILLIS) {
            Optional<ScannableEvent> loaded = jdbi.withExtension(ScannableEventDao.class, dao -> dao.find(catalogEventId))
                    .map(ScannableEvents::toEvent);
            cached = new Cached(loaded, now);
            cache.put(catalogEventId, cached);
        }
        return cached.event();
    }

    /** Stores a catalog snapshot on the caller's transaction (unless an newer one is held). */
    public void remember(Handle handle, ScannableEvent event) {
        ScannableEventDao.Row row = new ScannableEventDao.Row(event.catalogEventId(), event.name(), event.startsAt(),
                event.doorsOpenAt(), event.status(), event.venueCapacity(), event.version(),
                JSON.writeValueAsString(event.ticketTypes()), event.organizerId());
        handle.attach(ScannableEventDao.class).upsert(row);
        cache.remove(event.catalogEventId());
    }

    /** Drops the cached copy; called after the transaction that changed the event committed. */
    public void forget(UUID catalogEventId) {
        cache.remove(catalogEventId);
    }

    private static ScannableEvent toEvent(ScannableEventDao.Row row) {
        return new ScannableEvent(row.catalogEventId(), row.name(), row.startsAt(), row.doorsOpenAt(), row.status(),
                row.venueCapacity(), row.version(), JSON.readValue(row.ticketTypes(), TYPES), row.organizerId());
    }
}
