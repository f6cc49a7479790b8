package io.taquilla.order.inventory;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.taquilla.contracts.Topics;
import io.taquilla.contracts.ordering.InventoryChanged;
import io.taquilla.messaging.outbox.Outbox;
import io.taquilla.order.inventory.InventoryCounts.Counted;
import io.taquilla.order.inventory.domain.TypeAvailability;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes {@code InventoryChanged} (absolute counts) for ticket types whose counts changed.
 * Writers only mark a type as touched after their commit; every {@code publish-interval} this job
 * recounts the touched types and appends one event per type whose counts differ from the last
 * published ones. A flash sale of thousands of orders so becomes a few events per second, not one
 * per order, and no buyer transaction writes a shared counter row. Rounds take a transaction-level
 * advisory lock, so across instances counts are read and appended in order and the last event
 * on the topic is always the latest state. A full recount every minute repairs anything missed
 * (e.g. an instance that died between its commit and its round).
 */
@Component
public class InventoryPublisher {

    private static final Logger log = LoggerFactory.getLogger(InventoryPublisher.class);
    private static final long LOCK_KEY = 0x7461_7175_696c_6c61L; // "taquilla"

    private final Jdbi jdbi;
    private final InventoryCounts counts;
    private final Outbox outbox;
    private final MeterRegistry meters;
    private final Set<UUID> touched = ConcurrentHashMap.newKeySet();
    private final Map<UUID, AtomicInteger> availableGauges = new ConcurrentHashMap<>();

    public InventoryPublisher(Jdbi jdbi, InventoryCounts counts, Outbox outbox, MeterRegistry meters) {
        this.jdbi = jdbi;
        this.counts = counts;
        this.outbox = outbox;
        this.meters = meters;
    }

    /** Call after the transaction that changed these types committed. */
    public void touched(Collection<UUID> ticketTypes) {
        touched.addAll(ticketTypes);
    }

    @Scheduled(fixedDelayString = "${taquilla.orders.inventory-publish-interval:250ms}")
    public void publishTouched() {
        if (touched.isEmpty()) {
            return;
        }
        Set<UUID> batch = Set.copyOf(touched);
        touched.removeAll(batch);
        try {
            publish(batch);
        } catch (RuntimeException e) {
            touched.addAll(batch);
            log.warn("inventory publishing failed, will retry: {}", e.toString());
        }
    }

    @Scheduled(fixedDelayString = "${taquilla.orders.inventory-refresh-interval:60s}",
            initialDelayString = "${taquilla.orders.inventory-refresh-initial-delay:5s}")
    public void refreshAll() {
        touched.addAll(jdbi.withHandle(h -> h.createQuery("""
                        select t.id from ticket_type t join catalog_event e on e.id = t.catalog_event_id
                         where e.status = 'PUBLISHED' and (e.starts_at is null or e.starts_at > now() - interval '1 day')
                        """).mapTo(UUID.class).list()));
    }

    /** Recounts {@code types} and appends an event for each whose counts changed; returns how many. */
    public int publish(Collection<UUID> types) {
        List<Counted> changed = jdbi.inTransaction(handle -> {
            handle.createQuery("select 1 from (select pg_advisory_xact_lock(:key)) l").bind("key", LOCK_KEY).mapTo(Integer.class).one();
            List<Counted> fresh = counts.forTypes(handle, types).stream()
                    .filter(c -> handle.createUpdate("""
                                    insert into inventory_published (ticket_type_id, capacity, held, sold, available)
                                    values (:type, :capacity, :held, :sold, :available)
                                    on conflict (ticket_type_id) do update
                                       set capacity = excluded.capacity, held = excluded.held, sold = excluded.sold,
                                           available = excluded.available, published_at = now()
                                     where (inventory_published.capacity, inventory_published.held,
                                            inventory_published.sold, inventory_published.available)
                                           is distinct from (excluded.capacity, excluded.held, excluded.sold,
                                                             excluded.available)
                                    """)
                            .bind("type", c.counts().ticketTypeId())
                            .bind("capacity", c.counts().capacity())
                            .bind("held", c.counts().held())
                            .bind("sold", c.counts().sold())
                            .bind("available", c.counts().available())
                            .execute() == 1)
                    .toList();
            Instant now = Instant.now();
            for (Counted c : fresh) {
                TypeAvailability a = c.counts();
                outbox.append(handle, Topics.ORDERING_INVENTORY, new InventoryChanged(UUID.randomUUID(), now,
                        c.catalogEventId(), a.ticketTypeId(), a.capacity(), a.held(), a.sold(), a.available()));
            }
            return fresh;
        });
        changed.forEach(c -> gauge(c).set(c.counts().available()));
        return changed.size();
    }

    private AtomicInteger gauge(Counted c) {
        return availableGauges.computeIfAbsent(c.counts().ticketTypeId(), type -> {
            AtomicInteger value = new AtomicInteger();
            Gauge.builder("taquilla.inventory.available", value, AtomicInteger::get)
                    .description("Tickets a buyer can still get, per ticket type")
                    .tag("event", c.catalogEventId().toString())
                    .tag("ticket_type", c.counts().code())
                    .register(meters);
            return value;
        });
    }
}
