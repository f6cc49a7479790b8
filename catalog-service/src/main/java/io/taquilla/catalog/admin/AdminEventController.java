package io.taquilla.catalog.admin;

import io.taquilla.catalog.event.ChangeEventStatus;
import io.taquilla.catalog.event.CreateEvent;
import io.taquilla.catalog.event.EventStore;
import io.taquilla.catalog.event.StoredEvent;
import io.taquilla.catalog.event.UpdateEvent;
import io.taquilla.catalog.event.domain.EventStatus;
import io.taquilla.catalog.inventory.InventoryCounts;
import io.taquilla.web.ApiProblem;
import io.taquilla.web.security.StaffCaller;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Organizers draft, change, publish and cancel their events. Organizer staff read them; only an
 * organizer admin (or a platform admin) changes them. Another organizer's event is not found.
 */
@RestController
@RequestMapping("/api/admin/events")
class AdminEventController {

    private final CreateEvent createEvent;
    private final UpdateEvent updateEvent;
    private final ChangeEventStatus changeStatus;
    private final EventStore events;
    private final InventoryCounts inventory;
    private final AdminEventList list;
    private final Jdbi jdbi;

    AdminEventController(CreateEvent createEvent, UpdateEvent updateEvent, ChangeEventStatus changeStatus,
                         EventStore events, InventoryCounts inventory, AdminEventList list, Jdbi jdbi) {
        this.list = list;
        this.createEvent = createEvent;
        this.updateEvent = updateEvent;
        this.changeStatus = changeStatus;
        this.events = events;
        this.inventory = inventory;
        this.jdbi = jdbi;
    }

    @PostMapping
    ResponseEntity<AdminEventView> create(@RequestBody EventRequest request, StaffCaller caller) {
        UUID organizerId = owner(request, caller);
        StoredEvent event = createEvent.create(organizerId, request.toSpec());
        return ResponseEntity.created(URI.create("/api/admin/events/" + event.id())).body(AdminEventView.of(event, Map.of()));
    }

    @GetMapping
    AdminEventList.Page list(@RequestParam(required = false) EventStatus status,
                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                             StaffCaller caller) {
        if (page < 0 || size < 1 || size > 100) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                    "page must be 0 or more and size between 1 and 100")
                    .with("errors", List.of(Map.of("field", page < 0 ? "page" : "size", "message", "out of range")));
        }
        return jdbi.withHandle(handle -> list.page(handle, caller.organizerScope(), status, page, size));
    }

    @GetMapping("/{id}")
    AdminEventView get(@PathVariable UUID id, StaffCaller caller) {
        return jdbi.withHandle(handle -> {
            StoredEvent event = events.find(handle, id).orElseThrow(() -> ApiProblem.notFound("Event", id));
            caller.requireSee(event.organizerId(), "Event", id);
            return AdminEventView.of(event, inventory.ofEvent(handle, id));
        });
    }

    @PutMapping("/{id}")
    AdminEventView update(@PathVariable UUID id, @RequestBody EventRequest request, StaffCaller caller) {
        requireManage(id, caller);
        if (request.version() == null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                    "version is required: send the version you last read so concurrent edits are not lost")
                    .with("errors", List.of(Map.of("field", "version", "message", "is required")));
        }
        return view(updateEvent.update(id, request.version(), request.toSpec()));
    }

    @PostMapping("/{id}/publish")
    AdminEventView publish(@PathVariable UUID id, StaffCaller caller) {
        requireManage(id, caller);
        return view(changeStatus.publish(id));
    }

    @PostMapping("/{id}/cancel")
    AdminEventView cancel(@PathVariable UUID id, StaffCaller caller) {
        requireManage(id, caller);
        return view(changeStatus.cancel(id));
    }

    /** An event's owner never changes, so checking before the use case runs is enough. */
    private void requireManage(UUID id, StaffCaller caller) {
        StoredEvent event = jdbi.withHandle(handle -> events.find(handle, id))
                .orElseThrow(() -> ApiProblem.notFound("Event", id));
        caller.requireManage(event.organizerId(), "Event", id);
    }

    /**
     * Whose event this is: an organizer admin creates for its own organizer; a platform admin
     * must name the organizer. Staff without the admin role do not create events.
     */
    private static UUID owner(EventRequest request, StaffCaller caller) {
        if (caller.platformAdmin()) {
            if (request.organizerId() == null) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                        "organizerId is required: a platform admin creates an event on behalf of an organizer")
                        .with("errors", List.of(Map.of("field", "organizerId", "message", "is required")));
            }
            return request.organizerId();
        }
        if (caller.organizerId() == null || !caller.has(StaffCaller.ORGANIZER_ADMIN)) {
            throw StaffCaller.forbidden("Only an organizer admin creates events");
        }
        if (request.organizerId() != null && !request.organizerId().equals(caller.organizerId())) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                    "organizerId must be your own organizer (or left out)")
                    .with("errors", List.of(Map.of("field", "organizerId", "message", "is not your organizer")));
        }
        return caller.organizerId();
    }

    private AdminEventView view(StoredEvent event) {
        return AdminEventView.of(event, jdbi.withHandle(handle -> inventory.ofEvent(handle, event.id())));
    }
}
