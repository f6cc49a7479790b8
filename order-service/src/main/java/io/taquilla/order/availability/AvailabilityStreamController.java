package io.taquilla.order.availability;

import io.taquilla.web.ApiProblem;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/events/{eventId}/availability/stream}: {@code text/event-stream} of
 * {@code availability} events, each the JSON of {@code GET /api/events/{eventId}/availability},
 * with an {@code id} naming the state so a reconnect with {@code Last-Event-ID} resumes.
 */
@RestController
class AvailabilityStreamController {

    private final AvailabilityBroadcaster broadcaster;

    AvailabilityStreamController(AvailabilityBroadcaster broadcaster) {
        this.broadcaster = broadcaster;
    }

    // No 'produces': an unknown event must still get its problem+json whatever the Accept header says.
    @GetMapping("/api/events/{eventId}/availability/stream")
    ResponseEntity<SseEmitter> stream(@PathVariable UUID eventId,
                                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        AvailabilityBroadcaster.Subscription subscription = broadcaster.subscribe(eventId, lastEventId);
        if (subscription instanceof AvailabilityBroadcaster.UnknownEvent) {
            throw ApiProblem.notFound("Event", eventId);
        }
        if (subscription instanceof AvailabilityBroadcaster.Full full) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "too-many-streams", "Too many live streams",
                    "This server already streams to " + full.limit() + " pages; retry shortly or poll "
                            + "/api/events/" + eventId + "/availability")
                    .with("retryAfterSeconds", 5);
        }
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                // Tells nginx-style proxies not to buffer the stream.
                .header("X-Accel-Buffering", "no")
                .body(((AvailabilityBroadcaster.Subscribed) subscription).emitter());
    }
}
