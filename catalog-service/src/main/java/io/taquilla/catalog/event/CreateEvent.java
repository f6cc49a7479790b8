package io.taquilla.catalog.event;

import io.taquilla.catalog.event.domain.EventRules;
import io.taquilla.catalog.event.domain.EventSpec;
import io.taquilla.catalog.event.domain.EventStatus;
import io.taquilla.catalog.event.domain.Slugs;
import io.taquilla.catalog.event.domain.TicketTypeSpec;
import io.taquilla.catalog.event.domain.Violation;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

/** An organizer drafts an event: validated, stored as DRAFT at version 1 and owned by the organizer, not public yet. */
@Component
public class CreateEvent {

    private static final int MAX_ATTEMPTS = 10;

    private final Jdbi jdbi;
    private final EventStore events;
    private final SlugAssigner slugs;
    private final Clock clock;

    public CreateEvent(Jdbi jdbi, EventStore events, SlugAssigner slugs, Clock clock) {
        this.jdbi = jdbi;
        this.events = events;
        this.slugs = slugs;
        this.clock = clock;
    }

    public StoredEvent create(UUID organizerId, EventSpec spec) {
        List<Violation> violations = EventRules.check(spec);
        if (!violations.isEmpty()) {
            throw CatalogProblems.invalid(violations);
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Map<String, UUID> ids = new LinkedHashMap<>();
        for (TicketTypeSpec type : spec.ticketTypes()) {
            ids.put(type.code(), UUID.randomUUID());
        }
        // A derived slug can be claimed by a concurrent create between the check and the insert;
        // derive again. A slug the organizer chose is theirs to change.
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(handle -> {
                    EventSpec named = spec.withSlug(slugs.assign(handle, id, spec, null));
                    events.insert(handle, new StoredEvent(id, organizerId, named, EventStatus.DRAFT, 1, ids, now, now, null, null));
                    return events.find(handle, id).orElseThrow();
                });
            } catch (RuntimeException e) {
                if (!SlugAssigner.isSlugClash(e)) {
                    throw e;
                }
                if (spec.slug() != null || attempt == MAX_ATTEMPTS) {
                    throw CatalogProblems.slugTaken(spec.slug() == null ? Slugs.fromName(spec.name()) : spec.slug());
                }
            }
        }
    }
}
