package io.taquilla.scanner.offline;

import io.taquilla.scanner.cache.ScannableEvents;
import io.taquilla.scanner.door.domain.DoorWindow;
import io.taquilla.scanner.door.domain.ScannableEvent;
import io.taquilla.scanner.token.SigningKeyDao;
import io.taquilla.scanner.token.SigningKeyRing;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.springframework.stereotype.Component;

/**
 * What a device needs to keep scanning without a network: the keys to verify signatures, the
 * event's door window, and the tickets it must reject (revoked, already in). {@code version} is
 * the highest change number among the event's tickets, read in the same snapshot as the lists,
 * so a device can tell whether its bundle is stale.
 */
@Component
public class OfflineBundles {

    public record Bundle(UUID eventId, long version, Instant generatedAt, EventDoors event, List<Key> keys,
                         List<UUID> revokedTicketIds, List<UUID> usedTicketIds) {}

    public record EventDoors(String name, String status, Instant doorsOpenAt, Instant startsAt, Instant opensAt,
                             Instant closesAt) {}

    public record Key(String keyId, String algorithm, String publicKey, String status) {}

    private final Jdbi jdbi;
    private final SigningKeyRing keys;
    private final ScannableEvents events;
    private final DoorWindow window;
    private final Clock clock;

    public OfflineBundles(Jdbi jdbi, SigningKeyRing keys, ScannableEvents events, DoorWindow window, Clock clock) {
        this.jdbi = jdbi;
        this.keys = keys;
        this.events = events;
        this.window = window;
        this.clock = clock;
    }

    public Bundle bundle(UUID eventId) {
        List<UUID> revoked = new ArrayList<>();
        List<UUID> used = new ArrayList<>();
        long version = jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, handle -> {
            handle.createQuery("""
                    select ticket_id, status = 'REVOKED' as revoked from ticket
                     where catalog_event_id = :eventId and (status = 'REVOKED' or checked_in_at is not null)
                    """).bind("eventId", eventId)
                    .map((rs, ctx) -> {
                        (rs.getBoolean("revoked") ? revoked : used).add(rs.getObject("ticket_id", UUID.class));
                        return null;
                    }).forEach(ignored -> { });
            return handle.createQuery("select coalesce(max(change_seq), 0) from ticket where catalog_event_id = :eventId")
                    .bind("eventId", eventId).mapTo(Long.class).one();
        });
        ScannableEvent event = events.find(eventId).orElse(null);
        EventDoors doors = event == null ? null : new EventDoors(event.name(), event.status(), event.doorsOpenAt(),
                event.startsAt(), window.opensAt(event), window.closesAt(event));
        List<Key> published = keys.published().stream()
                .map((SigningKeyDao.Row k) -> new Key(k.keyId(), k.algorithm(), k.publicKey(), k.status()))
                .toList();
        return new Bundle(eventId, version, clock.instant(), doors, published, revoked, used);
    }
}
