package io.taquilla.catalog.browse;

import io.taquilla.catalog.event.EventStore;
import io.taquilla.catalog.event.StoredEvent;
import io.taquilla.catalog.event.domain.EventStatus;
import io.taquilla.catalog.event.domain.Slugs;
import io.taquilla.catalog.inventory.InventoryCounts;
import io.taquilla.web.ApiProblem;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What buyers browse. Drafts do not exist publicly; cancelled events stay visible so ticket holders learn of it. */
@RestController
@RequestMapping("/api/events")
class PublicEventController {

    static final int MAX_PAGE_SIZE = 100;

    private final Jdbi jdbi;
    private final UpcomingEvents upcoming;
    private final EventStore events;
    private final InventoryCounts inventory;
    private final Clock clock;

    PublicEventController(Jdbi jdbi, UpcomingEvents upcoming, EventStore events, InventoryCounts inventory, Clock clock) {
        this.jdbi = jdbi;
        this.upcoming = upcoming;
        this.events = events;
        this.inventory = inventory;
        this.clock = clock;
    }

    @GetMapping
    UpcomingEvents.Page list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                    "page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE)
                    .with("errors", List.of(Map.of("field", page < 0 ? "page" : "size", "message", "out of range")));
        }
        return jdbi.withHandle(handle -> upcoming.page(handle, clock.instant(), page, size));
    }

    @GetMapping("/{idOrSlug}")
    PublicEventView get(@PathVariable String idOrSlug) {
        return jdbi.withHandle(handle -> {
            Optional<StoredEvent> found = Slugs.looksLikeUuid(idOrSlug)
                    ? events.find(handle, UUID.fromString(idOrSlug))
                    : events.findBySlug(handle, idOrSlug);
            StoredEvent event = found.filter(e -> e.status() != EventStatus.DRAFT)
                    .orElseThrow(() -> ApiProblem.notFound("Event", idOrSlug));
            return PublicEventView.of(event, inventory.ofEvent(handle, event.id()), clock.instant());
        });
    }
}
