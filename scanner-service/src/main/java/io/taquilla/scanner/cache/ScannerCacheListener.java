package io.taquilla.scanner.cache;

import io.taquilla.contracts.Topics;
import io.taquilla.contracts.catalog.CatalogEvent;
import io.taquilla.contracts.catalog.EventSnapshot;
import io.taquilla.contracts.ticketing.IssuedTicket;
import io.taquilla.contracts.ticketing.SigningKeyPublished;
import io.taquilla.contracts.ticketing.TicketsIssued;
import io.taquilla.contracts.ticketing.TicketsRevoked;
import io.taquilla.messaging.consumer.IncomingEvents;
import io.taquilla.scanner.door.domain.ScannableEvent;
import io.taquilla.scanner.token.SigningKeyDao;
import io.taquilla.scanner.token.SigningKeyRing;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds the scanner's cache: tickets and revocations, signing keys, and catalog events. */
@Component
class ScannerCacheListener {

    private static final Logger log = LoggerFactory.getLogger(ScannerCacheListener.class);

    private final IncomingEvents incoming;
    private final SigningKeyRing keys;
    private final ScannableEvents events;

    ScannerCacheListener(IncomingEvents incoming, SigningKeyRing keys, ScannableEvents events) {
        this.incoming = incoming;
        this.keys = keys;
        this.events = events;
    }

    @KafkaListener(topics = Topics.TICKETING_TICKET)
    void onTickets(ConsumerRecord<String, String> record) throws Exception {
        incoming.handle("scanner-service.tickets", record, (handle, event) -> {
            if (event instanceof TicketsIssued issued) {
                issue(handle, issued);
            } else if (event instanceof TicketsRevoked revoked) {
                handle.attach(TicketCacheDao.class).revoke(revoked.ticketIds(), revoked.catalogEventId(),
                        revoked.orderId(), revoked.occurredAt(), revoked.reason());
                log.info("revoked {} tickets of order {} for event {}", revoked.ticketIds().size(), revoked.orderId(),
                        revoked.catalogEventId());
            }
        });
    }

    @KafkaListener(topics = Topics.TICKETING_SIGNING_KEY)
    void onSigningKey(ConsumerRecord<String, String> record) throws Exception {
        incoming.handle("scanner-service.signing-keys", record, (handle, event) -> {
            if (event instanceof SigningKeyPublished key) {
                keys.remember(handle, new SigningKeyDao.Row(key.keyId(), key.algorithm(), key.publicKey(), key.status(),
                        key.activatedAt(), key.retiredAt()));
                log.info("signing key {} ({}) is {}", key.keyId(), key.algorithm(), key.status());
            }
        });
    }

    @KafkaListener(topics = Topics.CATALOG_EVENT)
    void onCatalog(ConsumerRecord<String, String> record) throws Exception {
        boolean applied = incoming.handle("scanner-service.catalog", record, (handle, event) -> {
            if (event instanceof CatalogEvent catalog) {
                events.remember(handle, toScannable(catalog.event()));
            }
        });
        if (applied) {
            incoming.read(record).filter(CatalogEvent.class::isInstance)
                    .ifPresent(e -> events.forget(((CatalogEvent) e).event().catalogEventId()));
        }
    }

    private static void issue(Handle handle, TicketsIssued issued) {
        String buyer = issued.customer() == null ? null : issued.customer().name();
        List<TicketCacheDao.IssuedRow> rows = issued.tickets().stream()
                .map((IssuedTicket t) -> new TicketCacheDao.IssuedRow(t.ticketId(), issued.catalogEventId(),
                        issued.orderId(), t.ticketTypeId(), t.ticketTypeName(), t.ticketNumber(),
                        t.holderName() != null ? t.holderName() : buyer))
                .toList();
        handle.attach(TicketCacheDao.class).issue(rows);
        log.info("cached {} tickets of order {} for event {}", rows.size(), issued.orderId(), issued.catalogEventId());
    }

    private static ScannableEvent toScannable(EventSnapshot snapshot) {
        List<ScannableEvent.TicketTypeInfo> types = snapshot.ticketTypes() == null ? List.of()
                : snapshot.ticketTypes().stream()
                        .map(t -> new ScannableEvent.TicketTypeInfo(t.ticketTypeId(), t.code(), t.name(), t.capacity()))
                        .toList();
        return new ScannableEvent(snapshot.catalogEventId(), snapshot.name(), snapshot.startsAt(), snapshot.doorsOpenAt(),
                snapshot.status(), snapshot.venueCapacity(), snapshot.version(), types, snapshot.organizerId());
    }
}
