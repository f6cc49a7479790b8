package io.taquilla.notification.ownership;

import io.taquilla.contracts.Topics;
import io.taquilla.contracts.catalog.CatalogEvent;
import io.taquilla.messaging.consumer.IncomingEvents;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jdbi.v3.core.Handle;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Notification-service's own record of which organizer owns each event, kept from
 * {@code catalog.event.v1}, so the admin API can tell whose deliveries are whose without asking
 * another service. A delivery belongs to the event named in the payload it was made from.
 */
@Component
public class EventOwners {

    static final String CONSUMER = "notification-service.catalog";

    private final IncomingEvents incoming;

    EventOwners(IncomingEvents incoming) {
        this.incoming = incoming;
    }

    @KafkaListener(topics = Topics.CATALOG_EVENT)
    void on(ConsumerRecord<String, String> record) throws Exception {
        incoming.handle(CONSUMER, record, (handle, event) -> {
            if (event instanceof CatalogEvent catalog && catalog.event().organizerId() != null) {
                handle.createUpdate("""
                                insert into event_owner (catalog_event_id, organizer_id) values (:event, :organizer)
                                on conflict (catalog_event_id) do nothing
                                """)
                        .bind("event", catalog.event().catalogEventId())
                        .bind("organizer", catalog.event().organizerId())
                        .execute();
            }
        });
    }

    /** The organizer of the order's event; empty when unknown (platform admins only). */
    public Optional<UUID> ofOrder(Handle handle, UUID orderId) {
        return handle.createQuery("""
                        select o.organizer_id from delivery d
                          join event_owner o on o.catalog_event_id = cast(d.payload ->> 'catalogEventId' as uuid)
                         where d.order_id = :orderId
                         limit 1
                        """)
                .bind("orderId", orderId).mapTo(UUID.class).findOne();
    }

    public Optional<UUID> ofDelivery(Handle handle, UUID deliveryId) {
        return handle.createQuery("""
                        select o.organizer_id from delivery d
                          join event_owner o on o.catalog_event_id = cast(d.payload ->> 'catalogEventId' as uuid)
                         where d.id = :id
                        """)
                .bind("id", deliveryId).mapTo(UUID.class).findOne();
    }
}
