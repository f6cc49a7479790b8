package io.taquilla.scanner.lookup;

import io.taquilla.scanner.cache.ScannableEvents;
import io.taquilla.scanner.door.CheckInDao;
import io.taquilla.scanner.door.LoggedScan;
import io.taquilla.scanner.door.ScanLog;
import io.taquilla.scanner.door.domain.CheckIn;
import io.taquilla.scanner.door.domain.DoorWindow;
import io.taquilla.scanner.door.domain.RejectionReason;
import io.taquilla.scanner.door.domain.ScanVerdict;
import io.taquilla.scanner.door.domain.ScannableEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

/**
 * Manual entry: door staff found the guest's ticket by number or name (their phone died) and let
 * them in. The same atomic check-in as a scan, but only for a ticket the scanner knows (no
 * signature proves an unknown one), and logged like a scan so the board counts it.
 */
@Component
class AdmitWithoutCode {

    record Outcome(UUID scanId, Instant scannedAt, ScanVerdict verdict) {}

    private final CheckInDao checkIns;
    private final ScannableEvents events;
    private final DoorWindow window;
    private final ScanLog scanLog;
    private final Clock clock;

    AdmitWithoutCode(Jdbi jdbi, ScannableEvents events, DoorWindow window, ScanLog scanLog, Clock clock) {
        this.checkIns = jdbi.onDemand(CheckInDao.class);
        this.events = events;
        this.window = window;
        this.scanLog = scanLog;
        this.clock = clock;
    }

    Outcome admit(UUID ticketId, UUID eventId, String gate, String deviceId, String staff) {
        UUID scanId = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Optional<CheckInDao.TicketState> known = checkIns.find(ticketId);
        ScanVerdict verdict;
        if (known.isEmpty() || !known.get().issued()) {
            verdict = ScanVerdict.rejected(RejectionReason.UNKNOWN_TICKET, ticketId);
        } else if (!known.get().catalogEventId().equals(eventId)) {
            verdict = ScanVerdict.rejected(RejectionReason.WRONG_EVENT, ticketId);
        } else {
            ScannableEvent event = events.find(eventId).orElse(null);
            verdict = window.isOpen(event, now) ? checkIn(ticketId, now, gate, deviceId, scanId)
                    : ScanVerdict.rejected(RejectionReason.EVENT_NOT_OPEN, ticketId);
        }
        scanLog.writeLater(new LoggedScan(scanId, eventId, verdict.ticketId(), gate, deviceId, verdict.verdict(),
                verdict.reasonCode(), now, false, null, false, staff));
        return new Outcome(scanId, now, verdict);
    }

    private ScanVerdict checkIn(UUID ticketId, Instant now, String gate, String deviceId, UUID scanId) {
        Optional<CheckInDao.Admitted> admitted = checkIns.admitCached(ticketId, now, gate, deviceId, scanId);
        if (admitted.isPresent()) {
            CheckInDao.Admitted a = admitted.get();
            return ScanVerdict.accepted(ticketId, new ScanVerdict.TicketFacts(a.ticketTypeId(), a.ticketTypeName(),
                    a.ticketNumber(), a.holderName(), a.issued()));
        }
        CheckInDao.TicketState s = checkIns.find(ticketId).orElseThrow();
        ScanVerdict.TicketFacts facts = new ScanVerdict.TicketFacts(s.ticketTypeId(), s.ticketTypeName(),
                s.ticketNumber(), s.holderName(), s.issued());
        if ("REVOKED".equals(s.status())) {
            return new ScanVerdict(false, RejectionReason.REVOKED, ticketId, facts, null);
        }
        return ScanVerdict.alreadyUsed(ticketId, facts, new CheckIn(s.checkedInScanId(), s.checkedInAt(),
                s.checkedInGate(), s.checkedInDevice(), s.checkedInOffline()));
    }
}
