package io.taquilla.scanner.offline;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.taquilla.scanner.cache.ScannableEvents;
import io.taquilla.scanner.door.DoorDevice;
import io.taquilla.scanner.door.DoorScope;
import io.taquilla.scanner.door.domain.CheckIn;
import io.taquilla.web.ApiProblem;
import io.taquilla.web.security.StaffCaller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Offline operation: download what is needed to scan without a network, upload what was scanned. */
@RestController
class OfflineController {

    private static final String NAME = "[A-Za-z0-9._:@-]{1,64}";

    /** {@code deviceId} is optional: uploads belong to the token's device; another device is refused. */
    record SyncRequest(@Pattern(regexp = NAME) String deviceId,
                       @NotEmpty @Size(max = 1000) List<@Valid @NotNull ScanMadeOffline> scans) {}

    /** @param deviceVerdict what the device showed (ACCEPTED or REJECTED); absent counts as ACCEPTED */
    record ScanMadeOffline(@NotBlank @Pattern(regexp = NAME) String nonce,
                           @NotBlank @Size(max = 4096) String qr,
                           @NotNull UUID eventId,
                           @NotBlank @Pattern(regexp = NAME) String gate,
                           @NotNull Instant scannedAt,
                           @Pattern(regexp = "ACCEPTED|REJECTED") String deviceVerdict) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ScanResult(String nonce, UUID scanId, UUID ticketId, String verdict, String reason, boolean duplicate,
                      boolean conflict, CheckIn otherScan) {}

    record SyncResponse(String deviceId, int received, long accepted, long rejected, long duplicates, long conflicts,
                        List<ScanResult> results) {}

    private final OfflineBundles bundles;
    private final SyncOfflineScans sync;
    private final ScannableEvents events;

    OfflineController(OfflineBundles bundles, SyncOfflineScans sync, ScannableEvents events) {
        this.bundles = bundles;
        this.sync = sync;
        this.events = events;
    }

    /** Answers 304 when the device already holds this version ({@code If-None-Match}). */
    @GetMapping("/api/events/{eventId}/offline-bundle")
    ResponseEntity<OfflineBundles.Bundle> bundle(@PathVariable UUID eventId,
                                                 @RequestHeader(value = "If-None-Match", required = false) String held,
                                                 StaffCaller door) {
        if (!DoorScope.admitsAt(door, eventId, events.find(eventId).orElse(null))) {
            throw ApiProblem.notFound("Event", eventId);
        }
        OfflineBundles.Bundle bundle = bundles.bundle(eventId);
        String etag = "\"" + bundle.version() + "-" + bundle.keys().size() + "\"";
        if (etag.equals(held)) {
            return ResponseEntity.status(304).eTag(etag).build();
        }
        return ResponseEntity.ok().eTag(etag).body(bundle);
    }

    /** Scans are judged earliest first, so within one upload too the first scan of a ticket wins. */
    @PostMapping("/api/scans/sync")
    SyncResponse sync(@Valid @RequestBody SyncRequest request, StaffCaller door) {
        String device = DoorDevice.of(door, request.deviceId());
        List<ScanMadeOffline> byTime = new ArrayList<>(request.scans());
        byTime.sort((a, b) -> a.scannedAt().compareTo(b.scannedAt()));
        java.util.Map<ScanMadeOffline, ScanResult> results = new java.util.IdentityHashMap<>();
        for (ScanMadeOffline scan : byTime) {
            SyncOfflineScans.Result r = sync.sync(device, door, new SyncOfflineScans.OfflineScan(scan.nonce(),
                    scan.qr(), scan.eventId(), scan.gate(), scan.scannedAt(), scan.deviceVerdict()));
            results.put(scan, new ScanResult(r.nonce(), r.scanId(), r.ticketId(), r.verdict(), r.reason(), r.duplicate(),
                    r.conflict(), r.other()));
        }
        List<ScanResult> inOrder = request.scans().stream().map(results::get).toList();
        return new SyncResponse(device, inOrder.size(),
                inOrder.stream().filter(r -> "ACCEPTED".equals(r.verdict())).count(),
                inOrder.stream().filter(r -> "REJECTED".equals(r.verdict())).count(),
                inOrder.stream().filter(ScanResult::duplicate).count(),
                inOrder.stream().filter(ScanResult::conflict).count(), inOrder);
    }
}
