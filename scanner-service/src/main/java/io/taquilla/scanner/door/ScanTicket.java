package io.taquilla.scanner.door;

import io.taquilla.tickettoken.QrTokenVerifier;

import io.taquilla.scanner.cache.ScannableEvents;
import io.taquilla.scanner.door.domain.CheckIn;
import io.taquilla.scanner.door.domain.DoorWindow;
import io.taquilla.scanner.door.domain.RejectionReason;
import io.taquilla.scanner.door.domain.ScanVerdict;
import io.taquilla.scanner.door.domain.ScannableEvent;
import io.taquilla.scanner.throttle.DeviceThrottle;
import io.taquilla.scanner.token.SigningKeyRing;
import io.taquilla.web.security.StaffCaller;
import io.taquilla.tickettoken.QrTokenVerifier.Claims;
import io.taquilla.tickettoken.QrTokenVerifier.Verification;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One scan at the door. Cheap checks first and in memory — device rate, signature, event, doors —
 * then the check-in as one atomic statement.
 */
@Component
public class ScanTicket {

    /** @param deviceId and {@code door.subject()} come from the verified token, never from the request body */
    public record Scan(String qr, UUID eventId, String gate, String deviceId, StaffCaller door) {}

    public record Outcome(UUID scanId, Instant scannedAt, ScanVerdict verdict) {}

    private final Jdbi jdbi;
    private final SigningKeyRing keys;
    private final ScannableEvents events;
    private final DoorWindow window;
    private final DeviceThrottle throttle;
    private final ScanLog scanLog;
    private final ScanMetrics metrics;
    private final Clock clock;
    private final boolean admitUnseenTickets;
    private final CheckInBatcher batcher;
    private final CheckInDao checkIns;

    public ScanTicket(Jdbi jdbi, SigningKeyRing keys, ScannableEvents events, DoorWindow window, DeviceThrottle throttle,
                      ScanLog scanLog, ScanMetrics metrics, Clock clock,
                      @Value("${taquilla.scanner.admit-unseen-tickets}") boolean admitUnseenTickets,
                      CheckInBatcher batcher) {
        this.batcher = batcher;
        this.checkIns = jdbi.onDemand(CheckInDao.class);
        this.jdbi = jdbi;
        this.keys = keys;
        this.events = events;
        this.window = window;
        this.throttle = throttle;
        this.scanLog = scanLog;
        this.metrics = metrics;
        this.clock = clock;
        this.admitUnseenTickets = admitUnseenTickets;
    }

    public Outcome scan(Scan scan) {
        long started = System.nanoTime();
        throttle.admit(scan.deviceId());
        UUID scanId = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // what timestamptz keeps
        Verification verification = keys.verify(scan.qr());
        ScanVerdict verdict;
        if (!verification.valid()) {
            throttle.invalidSignature(scan.deviceId());
            verdict = rejectInMemory(scanId, now, scan, RejectionReason.INVALID_SIGNATURE, null);
        } else {
            ScannableEvent event = events.find(scan.eventId()).orElse(null);
            // Another organizer's event (or one the door token does not list) is the wrong event too.
            boolean wrongEvent = !verification.claims().eventId().equals(scan.eventId())
                    || !DoorScope.admitsAt(scan.door(), scan.eventId(), event);
            verdict = wrongEvent
                    ? rejectInMemory(scanId, now, scan, RejectionReason.WRONG_EVENT, verification.claims().ticketId())
                    : window.isOpen(event, now)
                    ? checkIn(scanId, now, scan, verification.claims(), event)
                    : rejectInMemory(scanId, now, scan, RejectionReason.EVENT_NOT_OPEN, verification.claims().ticketId());
        }
        metrics.scanned(verdict, false, System.nanoTime() - started, scan.eventId());
        return new Outcome(scanId, now, verdict);
    }

    private ScanVerdict rejectInMemory(UUID scanId, Instant now, Scan scan, RejectionReason reason, UUID ticketId) {
        ScanVerdict verdict = ScanVerdict.rejected(reason, ticketId);
        scanLog.writeLater(logged(scanId, now, scan, verdict));
        return verdict;
    }

    /**
     * The check-in is one autocommitted statement, synchronous: once it returns, the ticket is in.
     * Its log line and event follow through the batched writer (see {@link ScanLog}); the ticket
     * row itself records the admitting scan, and {@link ScanLogRecovery} restores the log line of
     * any admission a crash cut off.
     */
    /**
     * The check-in is one atomic statement, synchronous: once it returns, the ticket is in. It
     * runs grouped with concurrent scans ({@link CheckInBatcher}); the rare follow-up read for a
     * rejection borrows its own connection. The log line and event follow through the batched
     * writer ({@link ScanLog}); the ticket row itself records the admitting scan, and
     * {@link ScanLogRecovery} restores the log line of any admission a crash cut off.
     */
    private ScanVerdict checkIn(UUID scanId, Instant now, Scan scan, Claims token, ScannableEvent event) {
        ScanVerdict verdict = decide(checkIns, scanId, now, scan, token, event);
        scanLog.writeLater(logged(scanId, now, scan, verdict));
        return verdict;
    }

    private ScanVerdict decide(CheckInDao dao, UUID scanId, Instant now, Scan scan, Claims token,
                               ScannableEvent event) {
        UUID ticketId = token.ticketId();
        UUID tokenType = event == null ? null : event.ticketTypeId(token.ticketTypeIdLow64());
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<CheckInDao.Admitted> admitted = admitUnseenTickets
                    ? batcher.admit(ticketId, token.eventId(), tokenType, now, scan.gate(), scan.deviceId(), scanId)
                    : dao.admitCached(ticketId, now, scan.gate(), scan.deviceId(), scanId);
            if (admitted.isPresent()) {
                CheckInDao.Admitted a = admitted.get();
                return ScanVerdict.accepted(ticketId, facts(a.ticketTypeId() != null ? a.ticketTypeId() : tokenType,
                        a.ticketTypeName(), a.ticketNumber(), a.holderName(), a.issued(), event));
            }
            Optional<CheckInDao.TicketState> state = dao.find(ticketId);
            if (state.isEmpty()) {
                return ScanVerdict.rejected(RejectionReason.UNKNOWN_TICKET, ticketId);
            }
            CheckInDao.TicketState s = state.get();
            ScanVerdict.TicketFacts facts = facts(s.ticketTypeId() != null ? s.ticketTypeId() : tokenType,
                    s.ticketTypeName(), s.ticketNumber(), s.holderName(), s.issued(), event);
            if ("REVOKED".equals(s.status())) {
                return new ScanVerdict(false, RejectionReason.REVOKED, ticketId, facts, null);
            }
            if (s.checkedInAt() != null) {
                return ScanVerdict.alreadyUsed(ticketId, facts, new CheckIn(s.checkedInScanId(), s.checkedInAt(),
                        s.checkedInGate(), s.checkedInDevice(), s.checkedInOffline()));
            }
            // A supervisor undid the check-in between our two statements: try again.
        }
        throw new IllegalStateException("ticket " + ticketId + " keeps changing under the scan");
    }

    private static ScanVerdict.TicketFacts facts(UUID ticketTypeId, String typeName, String number, String holder,
                                                 boolean issued, ScannableEvent event) {
        String name = typeName != null || event == null || ticketTypeId == null ? typeName
                : event.ticketTypeName(ticketTypeId);
        return new ScanVerdict.TicketFacts(ticketTypeId, name, number, holder, issued);
    }

    private static LoggedScan logged(UUID scanId, Instant now, Scan scan, ScanVerdict verdict) {
        return new LoggedScan(scanId, scan.eventId(), verdict.ticketId(), scan.gate(), scan.deviceId(), verdict.verdict(),
                verdict.reasonCode(), now, false, null, false, scan.door().subject());
    }
}
