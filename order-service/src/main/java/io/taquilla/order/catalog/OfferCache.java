package io.taquilla.order.catalog;

import io.taquilla.order.checkout.domain.EventOffer;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps each event's offer (times, status, ticket types, prices) in memory for a moment, so a
 * flash sale does not read the same rows thousands of times a second. This instance drops an
 * entry when it applies a catalog snapshot (before and after the commit); other instances see the
 * change within {@code taquilla.orders.offer-cache-ttl} (default 1 s). Inventory is never cached.
 */
@Component
public class OfferCache {

    private record Entry(Optional<EventOffer> offer, long loadedAtNanos) {}

    private final Jdbi jdbi;
    private final EventOffers offers;
    private final long ttlNanos;
    private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();

    public OfferCache(Jdbi jdbi, EventOffers offers, @Value("${taquilla.orders.offer-cache-ttl:1s}") Duration ttl) {
        this.jdbi = jdbi;
        this.offers = offers;
        this.ttlNanos = ttl.toNanos();
    }

    public Optional<EventOffer> find(UUID eventId) {
        long now = System.nanoTime();
        Entry entry = entries.get(eventId);
        if (entry == null || now - entry.loadedAtNanos() > ttlNanos) {
            entry = new Entry(jdbi.withHandle(h -> offers.find(h, eventId)), now);
            if (entries.size() > 10_000) {
                entries.clear();
            }
            entries.put(eventId, entry);
        }
        return entry.offer();
    }

    public void invalidate(UUID eventId) {
        entries.remove(eventId);
    }
}
