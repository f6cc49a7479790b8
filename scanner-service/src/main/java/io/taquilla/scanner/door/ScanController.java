package io.taquilla.scanner.door;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.taquilla.scanner.door.domain.CheckIn;
import io.taquilla.scanner.door.domain.ScanVerdict;
import io.taquilla.web.security.StaffCaller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/scans}: one QR code at one gate; the answer is a verdict, not an error. The
 * device and the staff member are the verified token's ({@code device_id}, {@code sub}); a body
 * {@code deviceId} is optional and refused when it names another device.
 */
@RestController
class ScanController {

    static final String NAME = "[A-Za-z0-9._:@-]{1,64}";

    /** {@code qr} up to 4 KiB is judged (anything not ours is INVALID_SIGNATURE); longer is a 400. */
    record ScanRequest(@NotBlank @Size(max = 4096) String qr,
                       @NotNull UUID eventId,
                       @NotBlank @Pattern(regexp = NAME) String gate,
                       @Pattern(regexp = NAME) String deviceId) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ScanResponse(UUID scanId, String verdict, String reason, Instant scannedAt, TicketView ticket,
                        FirstScanView firstScan) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TicketView(UUID ticketId, UUID ticketTypeId, String ticketType, String ticketNumber, String holderName) {}

    record FirstScanView(Instant scannedAt, String gate, String deviceId, boolean offline) {}

    private final ScanTicket scanTicket;

    ScanController(ScanTicket scanTicket) {
        this.scanTicket = scanTicket;
    }

    @PostMapping("/api/scans")
    ScanResponse scan(@Valid @RequestBody ScanRequest request, StaffCaller door) {
        String device = DoorDevice.of(door, request.deviceId());
        ScanTicket.Outcome outcome = scanTicket.scan(
                new ScanTicket.Scan(request.qr(), request.eventId(), request.gate(), device, door));
        return view(outcome.scanId(), outcome.scannedAt(), outcome.verdict());
    }

    static ScanResponse view(UUID scanId, Instant scannedAt, ScanVerdict verdict) {
        TicketView ticket = null;
        if (verdict.ticket() != null) {
            ScanVerdict.TicketFacts t = verdict.ticket();
            ticket = new TicketView(verdict.ticketId(), t.ticketTypeId(), t.ticketTypeName(), t.ticketNumber(), t.holderName());
        } else if (verdict.ticketId() != null) {
            ticket = new TicketView(verdict.ticketId(), null, null, null, null);
        }
        CheckIn first = verdict.firstCheckIn();
        FirstScanView firstScan = first == null ? null
                : new FirstScanView(first.scannedAt(), first.gate(), first.deviceId(), first.offline());
        return new ScanResponse(scanId, verdict.verdict(), verdict.reasonCode(), scannedAt, ticket, firstScan);
    }
}
