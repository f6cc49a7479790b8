package io.taquilla.ticketing.ordering;

import io.taquilla.contracts.Topics;
import io.taquilla.contracts.ordering.OrderCancelled;
import io.taquilla.contracts.ordering.OrderConfirmed;
import io.taquilla.contracts.ordering.OrderDisputed;
import io.taquilla.contracts.ordering.OrderRefunded;
import io.taquilla.messaging.consumer.IncomingEvents;
import io.taquilla.ticketing.issuing.IssueTickets;
import io.taquilla.ticketing.revoking.RevokeTickets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Order lifecycle → tickets: confirmed orders get theirs, refunded or cancelled ones lose them. */
@Component
class OrderEventsListener {

    static final String CONSUMER = "ticketing-service.ordering";

    private final IncomingEvents incoming;
    private final IssueTickets issueTickets;
    private final RevokeTickets revokeTickets;

    OrderEventsListener(IncomingEvents incoming, IssueTickets issueTickets, RevokeTickets revokeTickets) {
        this.incoming = incoming;
        this.issueTickets = issueTickets;
        this.revokeTickets = revokeTickets;
    }

    @KafkaListener(topics = Topics.ORDERING_ORDER)
    void on(ConsumerRecord<String, String> record) throws Exception {
        incoming.handle(CONSUMER, record, (handle, event) -> {
            if (event instanceof OrderConfirmed confirmed) {
                issueTickets.apply(handle, confirmed);
            } else if (event instanceof OrderRefunded refunded) {
                revokeTickets.apply(handle, refunded.orderId(), RevokeTickets.REFUNDED);
            } else if (event instanceof OrderDisputed disputed && disputed.revokeTickets()) {
                revokeTickets.apply(handle, disputed.orderId(), RevokeTickets.DISPUTED);
            } else if (event instanceof OrderCancelled cancelled) {
                revokeTickets.apply(handle, cancelled.orderId(), RevokeTickets.CANCELLED);
            }
        });
    }
}
