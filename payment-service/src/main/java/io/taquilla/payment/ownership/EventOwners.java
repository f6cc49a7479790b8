package io.taquilla.payment.ownership;

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
 * Payment-service's own record of which organizer owns each event, kept from
 * {@code catalog.event.v1}. Ownership is catalog's fact; keeping a copy here (rather than carrying
 * it on every order event) leaves the order flow's contracts alone and lets the admin API answer
 * without asking another service.
 */
@Component
public class EventOwners {

    static final String CONSUMER = "payment-service.catalog";

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

    /** The organizer of the event the order was for; empty when unknown (platform admins only). */
    public Optional<UUID> ofOrder(Handle handle, UUID orderId) {
        return handle.createQuery("""
                        select o.organizer_id from payment_attempts p
                          join event_owner o on o.catalog_event_id = p.catalog_event_id
                         where p.order_id = :orderId
                        """)
                .bind("orderId", orderId).mapTo(UUID.class).findOne();
    }
}
