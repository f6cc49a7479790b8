package io.taquilla.scanner.checkins;

import io.taquilla.scanner.cache.ScannableEvents;
import io.taquilla.scanner.door.domain.ScannableEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

/**
 * The check-in board of one event: who is in (per ticket type and per gate) against capacity,
 * and what the door turned away and why. "Inside" counts current check-ins (an undone check-in is
 * not inside); "admitted" counts accepted scans as logged.
 */
@Component
public class CheckInBoard {

    public record Board(UUID eventId, String eventName, Integer venueCapacity, long inside, long admittedScans,
                        List<TypeLine> byTicketType, List<GateLine> byGate, Map<String, Long> rejectedByReason,
                        long offlineConflicts, long undoneCheckIns) {}

    public record TypeLine(UUID ticketTypeId, String name, long inside, Integer capacity) {}

    public record GateLine(String gate, long inside) {}

    private final Jdbi jdbi;
    private final ScannableEvents events;

    public CheckInBoard(Jdbi jdbi, ScannableEvents events) {
        this.jdbi = jdbi;
        this.events = events;
    }

    public Board board(UUID eventId) {
        ScannableEvent event = events.find(eventId).orElse(null);
        return jdbi.withHandle(handle -> {
            Map<UUID, Long> insideByType = new LinkedHashMap<>();
            handle.createQuery("""
                    select ticket_type_id, count(*) as inside from ticket
                     where catalog_event_id = :e and checked_in_at is not null group by ticket_type_id
                    """).bind("e", eventId)
                    .map((rs, ctx) -> insideByType.put(rs.getObject("ticket_type_id", UUID.class), rs.getLong("inside")))
                    .forEach(ignored -> { });
            List<GateLine> gates = handle.createQuery("""
                    select checked_in_gate, count(*) as inside from ticket
                     where catalog_event_id = :e and checked_in_at is not null group by checked_in_gate order by checked_in_gate
                    """).bind("e", eventId)
                    .map((rs, ctx) -> new GateLine(rs.getString("checked_in_gate"), rs.getLong("inside"))).list();
            Map<String, Long> rejected = new LinkedHashMap<>();
            long[] admittedAndConflicts = new long[2];
            handle.createQuery("""
                    select verdict, reason, count(*) as scans, count(*) filter (where conflict) as conflicts
                      from scan_log where catalog_event_id = :e group by verdict, reason order by reason
                    """).bind("e", eventId)
                    .map((rs, ctx) -> {
                        if ("ACCEPTED".equals(rs.getString("verdict"))) {
                            admittedAndConflicts[0] += rs.getLong("scans");
                        } else {
                            rejected.put(rs.getString("reason"), rs.getLong("scans"));
                        }
                        admittedAndConflicts[1] += rs.getLong("conflicts");
                        return null;
                    }).forEach(ignored -> { });
            long undone = handle.createQuery("select count(*) from check_in_undo where catalog_event_id = :e")
                    .bind("e", eventId).mapTo(Long.class).one();
            long inside = insideByType.values().stream().mapToLong(Long::longValue).sum();
            return new Board(eventId, event == null ? null : event.name(), event == null ? null : event.venueCapacity(),
                    inside, admittedAndConflicts[0], typeLines(event, insideByType), gates, rejected,
                    admittedAndConflicts[1], undone);
        });
    }

    /** Every ticket type of the event, even with nobody in yet, plus any type only the tickets know. */
    private static List<TypeLine> typeLines(ScannableEvent event, Map<UUID, Long> insideByType) {
        List<TypeLine> lines = new ArrayList<>();
        Map<UUID, Long> rest = new LinkedHashMap<>(insideByType);
        if (event != null) {
            for (ScannableEvent.TicketTypeInfo type : event.ticketTypes()) {
                lines.add(new TypeLine(type.ticketTypeId(), type.name(), rest.getOrDefault(type.ticketTypeId(), 0L),
                        type.capacity()));
                rest.remove(type.ticketTypeId());
            }
        }
        rest.forEach((type, inside) -> lines.add(new TypeLine(type, null, inside, null)));
        return lines;
    }
}
