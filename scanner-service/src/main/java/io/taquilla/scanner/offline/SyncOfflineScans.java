package io.taquilla.scanner.offline;

import io.taquilla.tickettoken.QrTokenVerifier;

import io.taquilla.scanner.cache.ScannableEvents;
import io.taquilla.scanner.door.CheckInDao.TicketState;
import io.taquilla.scanner.door.LoggedScan;
import io.taquilla.scanner.door.ScanLog;
import io.taquilla.scanner.door.ScanMetrics;
import io.taquilla.scanner.door.domain.CheckIn;
import io.taquilla.scanner.door.domain.DoorWindow;
import io.taquilla.scanner.door.domain.RejectionReason;
import io.taquilla.scanner.door.domain.ScanVerdict;
import io.taquilla.scanner.door.domain.ScannableEvent;
import io.taquilla.scanner.token.SigningKeyRing;
import io.taquilla.tickettoken.QrTokenVerifier.Verification;
import io.taquilla.scanner.door.DoorScope;
import io.taquilla.web.security.StaffCaller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

/**
 * Scans a device made while offline, uploaded later. Each is judged at the time the device
 * scanned it, and the earliest scan of a ticket wins: a later check-in already on record is
 * replaced by an earlier offline one. When two scans both let a ticket in, the upload reports
 * the conflict. Re-uploading the same (device, nonce) returns the first answer and changes nothing.
 */
@Component
public class SyncOfflineScans {

    /** Device clocks drift; a scan "from the future" beyond this is taken as happening now. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    public record OfflineScan(String nonce, String qr, UUID eventId, String gate, Instant scannedAt, String deviceVerdict) {}

    /** @param other the other scan that admitted the ticket, for conflicts and ALREADY_USED */
    public record Result(String nonce, UUID scanId, UUID ticketId, String verdict, String reason, boolean duplicate,
                         boolean conflict, CheckIn other) {}

    private static final class Duplicate extends RuntimeException {
        Duplicate() {
            super(null, null, false, false);
        }
    }

    private final Jdbi jdbi;
    private final SigningKeyRing keys;
    private final ScannableEvents events;
    private final DoorWindow window;
    private final ScanLog scanLog;
    private final ScanMetrics metrics;
    private final Clock clock;

    public SyncOfflineScans(Jdbi jdbi, SigningKeyRing keys, ScannableEvents events, DoorWindow window, ScanLog scanLog,
                            ScanMetrics metrics, Clock clock) {
        this.jdbi = jdbi;
        this.keys = keys;
        this.events = events;
        this.window = window;
        this.scanLog = scanLog;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** {@code deviceId} and {@code door} are the verified token's: uploads are attributed to the token's device. */
    public Result sync(String deviceId, StaffCaller door, OfflineScan scan) {
        Optional<Result> earlier = previousUpload(deviceId, scan.nonce());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        UUID scanId = UUID.randomUUID();
        Instant now = clock.instant();
        Instant at = (scan.scannedAt().isAfter(now.plus(CLOCK_SKEW)) ? now : scan.scannedAt()).truncatedTo(ChronoUnit.MICROS);
        Verification verification = keys.verify(scan.qr());
        try {
            Result result;
            if (!verification.valid()) {
                result = logOnly(deviceId, door, scan, scanId, at, RejectionReason.INVALID_SIGNATURE, null);
            } else if (!verification.claims().eventId().equals(scan.eventId())
                    || !DoorScope.admitsAt(door, scan.eventId(), events.find(scan.eventId()).orElse(null))) {
                result = logOnly(deviceId, door, scan, scanId, at, RejectionReason.WRONG_EVENT, verification.claims().ticketId());
            } else {
                ScannableEvent event = events.find(scan.eventId()).orElse(null);
                result = window.isOpen(event, at)
                        ? checkIn(deviceId, door, scan, scanId, at, verification, event)
                        : logOnly(deviceId, door, scan, scanId, at, RejectionReason.EVENT_NOT_OPEN, verification.claims().ticketId());
            }
            ScanVerdict verdict = "ACCEPTED".equals(result.verdict()) ? ScanVerdict.accepted(result.ticketId(), null)
                    : ScanVerdict.rejected(RejectionReason.valueOf(result.reason()), result.ticketId());
            metrics.scanned(verdict, true, 0, scan.eventId());
            if (result.conflict()) {
                metrics.offlineConflict();
            }
            return result;
        } catch (Duplicate concurrentUpload) {
            return previousUpload(deviceId, scan.nonce()).orElseThrow();
        }
    }

    private Result logOnly(String deviceId, StaffCaller door, OfflineScan scan, UUID scanId, Instant at, RejectionReason reason, UUID ticketId) {
        LoggedScan logged = new LoggedScan(scanId, scan.eventId(), ticketId, scan.gate(), deviceId, "REJECTED",
                reason.name(), at, true, scan.nonce(), false, door.subject());
        jdbi.useTransaction(handle -> {
            if (!scanLog.writeOnce(handle, logged)) {
                throw new Duplicate();
            }
        });
        return new Result(scan.nonce(), scanId, ticketId, "REJECTED", reason.name(), false, false, null);
    }

    private Result checkIn(String deviceId, StaffCaller door, OfflineScan scan, UUID scanId, Instant at, Verification verification,
                           ScannableEvent event) {
        UUID ticketId = verification.claims().ticketId();
        UUID typeId = event == null ? null : event.ticketTypeId(verification.claims().ticketTypeIdLow64());
        boolean deviceAdmitted = scan.deviceVerdict() == null || "ACCEPTED".equals(scan.deviceVerdict());
        return jdbi.inTransaction(handle -> {
            OfflineCheckInDao dao = handle.attach(OfflineCheckInDao.class);
            dao.insertIfMissing(ticketId, scan.eventId(), typeId);
            TicketState state = dao.lock(ticketId).orElseThrow();
            CheckIn previous = state.checkedInAt() == null ? null : new CheckIn(state.checkedInScanId(),
                    state.checkedInAt(), state.checkedInGate(), state.checkedInDevice(), state.checkedInOffline());
            Result result;
            if ("REVOKED".equals(state.status())) {
                result = new Result(scan.nonce(), scanId, ticketId, "REJECTED", RejectionReason.REVOKED.name(), false, false, null);
            } else if (previous == null || at.isBefore(previous.scannedAt())) {
                dao.checkIn(ticketId, at, scan.gate(), deviceId, scanId);
                result = new Result(scan.nonce(), scanId, ticketId, "ACCEPTED", null, false, previous != null, previous);
            } else {
                result = new Result(scan.nonce(), scanId, ticketId, "REJECTED", RejectionReason.ALREADY_USED.name(), false,
                        deviceAdmitted, previous);
            }
            LoggedScan logged = new LoggedScan(scanId, scan.eventId(), ticketId, scan.gate(), deviceId, result.verdict(),
                    result.reason(), at, true, scan.nonce(), result.conflict(), door.subject());
            if (!scanLog.writeOnce(handle, logged)) {
                throw new Duplicate();
            }
            return result;
        });
    }

    private Optional<Result> previousUpload(String deviceId, String nonce) {
        return jdbi.withExtension(OfflineCheckInDao.class, dao -> dao.findUpload(deviceId, nonce))
                .map(l -> new Result(nonce, l.scanId(), l.ticketId(), l.verdict(), l.reason(), true, l.conflict(), null));
    }
}
