package io.taquilla.notification.intake;

import io.taquilla.contracts.Topics;
import io.taquilla.messaging.consumer.IncomingEvents;
import io.taquilla.notification.delivery.DeliveryDispatcher;
import io.taquilla.notification.delivery.RecordDeliveries;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads ticket and order events and records the deliveries they call for (inbox row and delivery
 * rows in one transaction). Sending happens later, in {@link DeliveryDispatcher}, so a slow or
 * down SMTP server never holds up a partition.
 */
@Component
class NoticeListener {

    static final String TICKETS_CONSUMER = "notification-service.tickets";
    static final String ORDERS_CONSUMER = "notification-service.orders";

    private final IncomingEvents incoming;
    private final RecordDeliveries recordDeliveries;
    private final DeliveryDispatcher dispatcher;

    NoticeListener(IncomingEvents incoming, RecordDeliveries recordDeliveries, DeliveryDispatcher dispatcher) {
        this.incoming = incoming;
        this.recordDeliveries = recordDeliveries;
        this.dispatcher = dispatcher;
    }

    @KafkaListener(topics = Topics.TICKETING_TICKET)
    void onTicketEvent(ConsumerRecord<String, String> record) throws Exception {
        if (incoming.handle(TICKETS_CONSUMER, record, recordDeliveries::apply)) {
            dispatcher.wakeUp();
        }
    }

    @KafkaListener(topics = Topics.ORDERING_ORDER)
    void onOrderEvent(ConsumerRecord<String, String> record) throws Exception {
        if (incoming.handle(ORDERS_CONSUMER, record, recordDeliveries::apply)) {
            dispatcher.wakeUp();
        }
    }
}
