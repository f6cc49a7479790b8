package io.taquilla.order.availability;

import io.taquilla.contracts.Topics;
import io.taquilla.contracts.ordering.InventoryChanged;
import io.taquilla.messaging.consumer.IncomingEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Every instance reads every {@code InventoryChanged} (a consumer group of its own, from the
 * latest offset): a sale made on another instance reaches the streams open here too. No inbox:
 * the events carry absolute counts, so applying one twice changes nothing, and a state missed
 * while this instance was down is read from the database when a client next connects.
 */
@Component
class InventoryChangesListener {

    private static final Logger log = LoggerFactory.getLogger(InventoryChangesListener.class);

    private final IncomingEvents incoming;
    private final AvailabilityBroadcaster broadcaster;

    InventoryChangesListener(IncomingEvents incoming, AvailabilityBroadcaster broadcaster) {
        this.incoming = incoming;
        this.broadcaster = broadcaster;
    }

    static final String ID = "availability-stream";

    @KafkaListener(id = ID, topics = Topics.ORDERING_INVENTORY,
            groupId = "order-service.availability-stream.#{T(java.util.UUID).randomUUID()}",
            properties = "auto.offset.reset=${taquilla.orders.availability-stream.offset-reset:latest}")
    void on(ConsumerRecord<String, String> record) {
        try {
            incoming.read(record).ifPresent(event -> {
                if (event instanceof InventoryChanged change) {
                    broadcaster.apply(change);
                }
            });
        } catch (RuntimeException e) {
            // A projection for live pages: never worth a retry or a dead letter.
            log.warn("availability stream skipped {}@{}: {}", record.topic(), record.offset(), e.toString());
        }
    }
}
