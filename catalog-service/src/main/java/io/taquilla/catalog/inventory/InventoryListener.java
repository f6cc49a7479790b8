package io.taquilla.catalog.inventory;

import io.taquilla.contracts.Topics;
import io.taquilla.contracts.ordering.InventoryChanged;
import io.taquilla.messaging.consumer.IncomingEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the public availability summary and the sold counts behind capacity checks up to date. */
@Component
class InventoryListener {

    static final String CONSUMER = "catalog-service.inventory";

    private final IncomingEvents incoming;
    private final InventoryCounts counts;

    InventoryListener(IncomingEvents incoming, InventoryCounts counts) {
        this.incoming = incoming;
        this.counts = counts;
    }

    @KafkaListener(topics = Topics.ORDERING_INVENTORY)
    void on(ConsumerRecord<String, String> record) throws Exception {
        incoming.handle(CONSUMER, record, (handle, event) -> {
            if (event instanceof InventoryChanged change) {
                counts.record(handle, change);
            }
        });
    }
}
