package io.taquilla.catalog.event;

import io.taquilla.catalog.event.domain.EventStatus;
import io.taquilla.catalog.event.domain.Lifecycle;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Publishing and cancelling. Both are idempotent: repeating one returns the event unchanged and
 * announces nothing new. A cancelled event stays cancelled; only an event that was public
 * announces its cancellation (nobody else ever heard of a draft). What is announced and returned
 * is the event as read back from the database, exactly what later reads will see.
 */
@Component
public class ChangeEventStatus {

    private static final Logger log = LoggerFactory.getLogger(ChangeEventStatus.class);

    private record Transition(StoredEvent event, boolean changed) {}

    private final Jdbi jdbi;
    private final EventStore events;
    private final CatalogAnnouncements announcements;
    private final CatalogMetrics metrics;
    private final Clock clock;

    public ChangeEventStatus(Jdbi jdbi, EventStore events, CatalogAnnouncements announcements, CatalogMetrics metrics,
                             Clock clock) {
        this.jdbi = jdbi;
        this.events = events;
        this.announcements = announcements;
        this.metrics = metrics;
        this.clock = clock;
    }

    public StoredEvent publish(UUID id) {
        Instant now = clock.instant();
        Transition transition = jdbi.inTransaction(handle -> {
            StoredEvent current = events.findForUpdate(handle, id).orElseThrow(() -> CatalogProblems.notFound(id));
            if (current.status() == EventStatus.PUBLISHED) {
                return new Transition(current, false);
            }
            Lifecycle.whyNotPublishable(current.status(), current.spec(), now).ifPresent(refusal -> {
                throw CatalogProblems.notPublishable(refusal);
            });
            events.update(handle, current.withStatus(EventStatus.PUBLISHED, now));
            StoredEvent published = events.find(handle, id).orElseThrow();
            announcements.published(handle, published, now);
            return new Transition(published, true);
        });
        if (transition.changed()) {
            metrics.published();
            log.info("event {} published at version {}", id, transition.event().version());
        }
        return transition.event();
    }

    public StoredEvent cancel(UUID id) {
        Instant now = clock.instant();
        Transition transition = jdbi.inTransaction(handle -> {
            StoredEvent current = events.findForUpdate(handle, id).orElseThrow(() -> CatalogProblems.notFound(id));
            if (current.status() == EventStatus.CANCELLED) {
                return new Transition(current, false);
            }
            events.update(handle, current.withStatus(EventStatus.CANCELLED, now));
            StoredEvent cancelled = events.find(handle, id).orElseThrow();
            if (current.status() == EventStatus.PUBLISHED) {
                announcements.cancelled(handle, cancelled, now);
            }
            return new Transition(cancelled, true);
        });
        if (transition.changed()) {
            metrics.cancelled();
            log.info("event {} cancelled at version {}", id, transition.event().version());
        }
        return transition.event();
    }
}
