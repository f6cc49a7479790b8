package io.taquilla.catalog.event;

import io.taquilla.catalog.event.domain.EventSpec;
import io.taquilla.catalog.event.domain.Slugs;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.springframework.stereotype.Component;

/**
 * Gives an event its slug: the one the organizer chose (which must be free), the one it already
 * has, or one derived from the name with a number appended until it is free.
 */
@Component
class SlugAssigner {

    private final EventStore events;

    SlugAssigner(EventStore events) {
        this.events = events;
    }

    String assign(Handle handle, UUID eventId, EventSpec spec, String currentSlug) {
        if (spec.slug() != null) {
            if (events.slugTaken(handle, spec.slug(), eventId)) {
                throw CatalogProblems.slugTaken(spec.slug());
            }
            return spec.slug();
        }
        if (currentSlug != null) {
            return currentSlug;
        }
        String base = Slugs.fromName(spec.name());
        String candidate = base;
        for (int n = 2; events.slugTaken(handle, candidate, eventId); n++) {
            candidate = Slugs.numbered(base, n);
        }
        return candidate;
    }

    /** Two organizers claimed one slug at the same instant: the unique index caught the second. */
    static boolean isSlugClash(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).contains("catalog_event_slug_key")) {
                return true;
            }
        }
        return false;
    }
}
