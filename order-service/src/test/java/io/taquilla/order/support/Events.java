package io.taquilla.order.support;

import static org.awaitility.Awaitility.await;

import io.taquilla.contracts.Topics;
import io.taquilla.contracts.catalog.EventPublished;
import io.taquilla.contracts.catalog.EventSnapshot;
import io.taquilla.contracts.catalog.EventUpdated;
import io.taquilla.contracts.catalog.TicketTypeSnapshot;
import io.taquilla.contracts.catalog.Venue;
import io.taquilla.contracts.common.Money;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Catalog events for tests, published on catalog.event.v1 as catalog-service would. */
public final class Events {

    /** The organizer that owns the test events unless a test says otherwise. */
    public static final UUID ORGANIZER = UUID.fromString("3c9d2e71-5a4b-4f8e-9d1c-6b7a8e9f0a1b");

    private Events() {
    }

    public static TicketTypeSnapshot type(String code, long priceMinor, int capacity, int maxPerOrder) {
        return new TicketTypeSnapshot(UUID.randomUUID(), code, code + " ticket", new Money(priceMinor, "EUR"), capacity,
                maxPerOrder);
    }

    public static EventSnapshot onSale(TicketTypeSnapshot... types) {
        return onSaleBy(ORGANIZER, types);
    }

    public static EventSnapshot onSaleBy(UUID organizer, TicketTypeSnapshot... types) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID id = UUID.randomUUID();
        return new EventSnapshot(id, organizer, "test-" + id, "Noche de Prueba", "A test event",
                new Venue("Sala Apolo", "Carrer Nou de la Rambla 113", "Barcelona", "Europe/Madrid"),
                now.plus(30, ChronoUnit.DAYS), now.plus(30, ChronoUnit.DAYS).minus(1, ChronoUnit.HOURS),
                now.minus(1, ChronoUnit.DAYS), now.plus(29, ChronoUnit.DAYS), 10_000, "PUBLISHED", 1, List.of(types));
    }

    public static EventSnapshot with(EventSnapshot s, String status, Instant salesStart, Instant salesEnd,
                                     List<TicketTypeSnapshot> types) {
        return new EventSnapshot(s.catalogEventId(), s.organizerId(), s.slug(), s.name(), s.description(), s.venue(), s.startsAt(),
                s.doorsOpenAt(), salesStart, salesEnd, s.venueCapacity(), status, s.version() + 1, types);
    }

    /** Publishes the snapshot and waits until order-service has it at this version. */
    public static EventSnapshot publish(Jdbi jdbi, EventSnapshot snapshot) {
        Kafka.publish(Topics.CATALOG_EVENT, snapshot.version() == 1
                ? new EventPublished(UUID.randomUUID(), Instant.now(), snapshot)
                : new EventUpdated(UUID.randomUUID(), Instant.now(), snapshot));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbi.withHandle(h -> h.createQuery(
                        "select count(*) from catalog_event where id = :id and version >= :version")
                .bind("id", snapshot.catalogEventId()).bind("version", snapshot.version())
                .mapTo(Integer.class).one()) == 1);
        return snapshot;
    }
}
