package io.taquilla.catalog.event;

import io.taquilla.catalog.event.domain.EventRules;
import io.taquilla.catalog.event.domain.EventSpec;
import io.taquilla.catalog.event.domain.EventStatus;
import io.taquilla.catalog.event.domain.Lifecycle;
import io.taquilla.catalog.event.domain.TicketTypeSpec;
import io.taquilla.catalog.event.domain.Violation;
import io.taquilla.catalog.inventory.InventoryCounts;
import io.taquilla.catalog.inventory.TicketTypeCounts;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Replaces an event's details and ticket types, guarded by the version the organizer last saw.
 * Ticket types keep their ids by code; capacity never drops below what order-service reported
 * sold. A published event announces the new snapshot as {@code EventUpdated}.
 */
@Component
public class UpdateEvent {

    private static final Logger log = LoggerFactory.getLogger(UpdateEvent.class);

    private final Jdbi jdbi;
    private final EventStore events;
    private final InventoryCounts inventory;
    private final SlugAssigner slugs;
    private final CatalogAnnouncements announcements;
    private final CatalogMetrics metrics;
    private final Clock clock;

    public UpdateEvent(Jdbi jdbi, EventStore events, InventoryCounts inventory, SlugAssigner slugs,
                       CatalogAnnouncements announcements, CatalogMetrics metrics, Clock clock) {
        this.jdbi = jdbi;
        this.events = events;
        this.inventory = inventory;
        this.slugs = slugs;
        this.announcements = announcements;
        this.metrics = metrics;
        this.clock = clock;
    }

    public StoredEvent update(UUID id, long expectedVersion, EventSpec spec) {
        List<Violation> violations = EventRules.check(spec);
        if (!violations.isEmpty()) {
            throw CatalogProblems.invalid(violations);
        }
        try {
            StoredEvent updated = jdbi.inTransaction(handle -> apply(handle, id, expectedVersion, spec));
            if (updated.status() == EventStatus.PUBLISHED) {
                metrics.updated();
            }
            log.info("event {} ({}) updated to version {}", id, updated.status(), updated.version());
            return updated;
        } catch (RuntimeException e) {
            if (SlugAssigner.isSlugClash(e)) {
                throw CatalogProblems.slugTaken(String.valueOf(spec.slug()));
            }
            throw e;
        }
    }

    private StoredEvent apply(Handle handle, UUID id, long expectedVersion, EventSpec spec) {
        StoredEvent current = events.findForUpdate(handle, id).orElseThrow(() -> CatalogProblems.notFound(id));
        Lifecycle.whyNotEditable(current.status()).ifPresent(refusal -> {
            throw CatalogProblems.notEditable(refusal);
        });
        if (current.version() != expectedVersion) {
            throw CatalogProblems.versionConflict(id, expectedVersion, current.version());
        }
        List<Violation> belowSold = EventRules.checkAgainstSold(spec, soldByCode(handle, current));
        if (!belowSold.isEmpty()) {
            throw CatalogProblems.belowSold(belowSold);
        }
        Map<String, UUID> ids = new LinkedHashMap<>();
        for (TicketTypeSpec type : spec.ticketTypes()) {
            UUID existing = current.ticketTypeIds().get(type.code());
            ids.put(type.code(), existing != null ? existing : UUID.randomUUID());
        }
        Instant now = clock.instant();
        EventSpec named = spec.withSlug(slugs.assign(handle, id, spec, current.spec().slug()));
        events.update(handle, current.replacedBy(named, ids, now));
        StoredEvent updated = events.find(handle, id).orElseThrow();
        if (updated.status() == EventStatus.PUBLISHED) {
            announcements.updated(handle, updated, now);
        }
        return updated;
    }

    private Map<String, Integer> soldByCode(Handle handle, StoredEvent current) {
        Map<UUID, TicketTypeCounts> counts = inventory.ofEventLocked(handle, current.id());
        Map<String, Integer> sold = new HashMap<>();
        current.ticketTypeIds().forEach((code, typeId) -> {
            TicketTypeCounts count = counts.get(typeId);
            sold.put(code, count == null ? 0 : count.sold());
        });
        return sold;
    }
}
