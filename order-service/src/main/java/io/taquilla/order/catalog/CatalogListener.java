package io.taquilla.order.catalog;

import io.taquilla.contracts.Topics;
import io.taquilla.contracts.catalog.CatalogEvent;
import io.taquilla.contracts.catalog.EventCancelled;
import io.taquilla.order.cancellation.CancelEventSales;
import io.taquilla.messaging.consumer.IncomingEvents;
import io.taquilla.order.inventory.InventoryPublisher;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the catalog copy and the inventory units in step with {@code catalog.event.v1}. */
@Component
class CatalogListener {

    static final String CONSUMER = "order-service.catalog";

    private final IncomingEvents incoming;
    private final CatalogCopy copy;
    private final InventoryPublisher publisher;
    private final OfferCache offers;
    private final CancelEventSales cancelEventSales;

    CatalogListener(IncomingEvents incoming, CatalogCopy copy, InventoryPublisher publisher, OfferCache offers,
                    CancelEventSales cancelEventSales) {
        this.cancelEventSales = cancelEventSales;
        this.incoming = incoming;
        this.copy = copy;
        this.publisher = publisher;
        this.offers = offers;
    }

    @KafkaListener(topics = Topics.CATALOG_EVENT)
    void on(ConsumerRecord<String, String> record) throws Exception {
        incoming.handle(CONSUMER, record, (handle, event) -> {
            if (event instanceof CatalogEvent catalogEvent) {
                UUID eventId = catalogEvent.event().catalogEventId();
                offers.invalidate(eventId);
                List<UUID> types = copy.apply(handle, catalogEvent.event());
                if (event instanceof EventCancelled) {
                    cancelEventSales.apply(handle, eventId);
                }
                handle.afterCommit(() -> {
                    offers.invalidate(eventId);
                    publisher.touched(types);
                });
            }
        });
    }
}
