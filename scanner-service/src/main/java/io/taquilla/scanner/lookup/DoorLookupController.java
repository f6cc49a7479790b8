package io.taquilla.scanner.lookup;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.taquilla.scanner.cache.ScannableEvents;
import io.taquilla.scanner.checkins.UndoCheckIn;
import io.taquilla.scanner.door.domain.CheckIn;
import io.taquilla.scanner.door.domain.DoorWindow;
import io.taquilla.scanner.door.domain.ScanVerdict;
import io.taquilla.scanner.door.domain.ScannableEvent;
import io.taquilla.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import io.taquilla.scanner.door.DoorDevice;
import io.taquilla.scanner.door.DoorScope;
import io.taquilla.web.security.StaffCaller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/door/**}: what the door app needs besides scanning, and no more — events to pick,
 * a ticket found by number or name (type, number, holder, state; never the buyer's contact data),
 * manual admission, undo of one's own last admission, recent scans, and the roster an offline
 * device shows names from.
 */
@RestController
class DoorLookupController {

    private static final String NAME = "[A-Za-z0-9._:@-]{1,64}";

    record EventView(UUID eventId, String name, Instant startsAt, Instant doorsOpenAt, String status, Instant opensAt,
                     Instant closesAt) {}

    record TicketView(UUID ticketId, String ticketNumber, String ticketType, String holderName, String status,
                      Instant checkedInAt, String checkedInGate, String checkedInDevice) {}

    record AdmitRequest(@NotNull UUID ticketId, @NotNull UUID eventId, @NotBlank @Pattern(regexp = NAME) String gate,
                        @Pattern(regexp = NAME) String deviceId) {}

    /** {@code deviceId} is optional: the device is the token's; a different one is refused. */
    record UndoRequest(@Pattern(regexp = NAME) String deviceId, @NotBlank @Size(max = 500) String reason) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AdmitResponse(UUID scanId, String verdict, String reason, Instant scannedAt, Map<String, Object> ticket,
                         CheckIn firstScan) {}

    /** Compact on purpose (50,000 tickets): {@code tickets} rows are [ticketId, number, type index, holder]. */
    record Roster(UUID eventId, long version, List<String> types, List<List<Object>> tickets) {}

    private final DoorLookupDao dao;
    private final ScannableEvents events;
    private final DoorWindow window;
    private final Clock clock;
    private final AdmitWithoutCode admit;
    private final UndoOwnAdmission undo;

    DoorLookupController(Jdbi jdbi, ScannableEvents events, DoorWindow window, Clock clock, AdmitWithoutCode admit,
                         UndoOwnAdmission undo) {
        this.dao = jdbi.onDemand(DoorLookupDao.class);
        this.events = events;
        this.window = window;
        this.clock = clock;
        this.admit = admit;
        this.undo = undo;
    }

    @GetMapping("/api/door/events")
    List<EventView> events(StaffCaller door) {
        return dao.events(clock.instant().minus(Duration.ofDays(1))).stream()
                .filter(e -> DoorScope.admitsAt(door, e.catalogEventId(), events.find(e.catalogEventId()).orElse(null)))
                .map(e -> {
            ScannableEvent event = events.find(e.catalogEventId()).orElse(null);
            return new EventView(e.catalogEventId(), e.name(), e.startsAt(), e.doorsOpenAt(), e.status(),
                    event == null ? null : window.opensAt(event), event == null ? null : window.closesAt(event));
        }).toList();
    }

    @GetMapping("/api/door/events/{eventId}/tickets")
    List<TicketView> search(@PathVariable UUID eventId, @RequestParam(name = "q", defaultValue = "") String q,
                            StaffCaller door) {
        requireScope(door, eventId);
        String query = q.strip();
        if (query.length() < 3 || query.length() > 100) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "search-too-short", "Search needs 3 to 100 characters",
                    "Type at least 3 letters of the name, or the whole ticket number");
        }
        String like = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return dao.search(eventId, query, like).stream().map(DoorLookupController::view).toList();
    }

    @PostMapping("/api/door/admissions")
    AdmitResponse admit(@Valid @RequestBody AdmitRequest request, StaffCaller door) {
        String device = DoorDevice.of(door, request.deviceId());
        requireScope(door, request.eventId());
        AdmitWithoutCode.Outcome outcome = admit.admit(request.ticketId(), request.eventId(), request.gate(),
                device, door.subject());
        ScanVerdict v = outcome.verdict();
        Map<String, Object> ticket = null;
        if (v.ticket() != null) {
            ticket = new LinkedHashMap<>();
            ticket.put("ticketId", v.ticketId());
            ticket.put("ticketType", v.ticket().ticketTypeName());
            ticket.put("ticketNumber", v.ticket().ticketNumber());
            ticket.put("holderName", v.ticket().holderName());
        }
        return new AdmitResponse(outcome.scanId(), v.verdict(), v.reasonCode(), outcome.scannedAt(), ticket,
                v.firstCheckIn());
    }

    @PostMapping("/api/door/checkins/{ticketId}/undo")
    UndoCheckIn.Undone undo(@PathVariable UUID ticketId, @Valid @RequestBody UndoRequest request, StaffCaller door) {
        return undo.undo(ticketId, DoorDevice.of(door, request.deviceId()), door.subject(), request.reason());
    }

    @GetMapping("/api/door/events/{eventId}/recent-scans")
    List<DoorLookupDao.ScanRow> recent(@PathVariable UUID eventId,
                                       @RequestParam(name = "limit", defaultValue = "10") int limit,
                                       StaffCaller door) {
        requireScope(door, eventId);
        if (limit < 1 || limit > 50) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad-limit", "limit must be 1 to 50", "limit=" + limit);
        }
        return dao.recentScans(eventId, limit);
    }

    /** ETag = the bundle's change number; a device that holds it gets 304. */
    @GetMapping("/api/door/events/{eventId}/roster")
    ResponseEntity<Roster> roster(@PathVariable UUID eventId,
                                  @RequestHeader(value = "If-None-Match", required = false) String held,
                                  StaffCaller door) {
        requireScope(door, eventId);
        long version = dao.version(eventId);
        String etag = "\"roster-" + version + "\"";
        if (etag.equals(held)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        List<String> types = new ArrayList<>();
        Map<String, Integer> typeIndex = new LinkedHashMap<>();
        List<List<Object>> rows = new ArrayList<>();
        for (DoorLookupDao.RosterRow row : dao.roster(eventId)) {
            String type = row.ticketTypeName() == null ? "" : row.ticketTypeName();
            Integer index = typeIndex.computeIfAbsent(type, t -> {
                types.add(t);
                return types.size() - 1;
            });
            List<Object> line = new ArrayList<>(4);
            line.add(row.ticketId());
            line.add(row.ticketNumber());
            line.add(index);
            line.add(row.holderName());
            rows.add(line);
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(CacheControl.noCache()).body(new Roster(eventId, version, types, rows));
    }

    private static TicketView view(DoorLookupDao.TicketRow t) {
        return new TicketView(t.ticketId(), t.ticketNumber(), t.ticketTypeName(), t.holderName(), t.status(),
                t.checkedInAt(), t.checkedInGate(), t.checkedInDevice());
    }

    /** Another organizer's event (or one the door token does not list) does not exist for this door. */
    private void requireScope(StaffCaller door, UUID eventId) {
        if (!DoorScope.admitsAt(door, eventId, events.find(eventId).orElse(null))) {
            throw ApiProblem.notFound("Event", eventId);
        }
    }
}
