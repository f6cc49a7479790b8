package io.taquilla.notification.delivery;

import io.taquilla.contracts.TaquillaEvent;
import io.taquilla.messaging.EventJson;
import io.taquilla.notification.delivery.domain.DeliveryPlan;
import io.taquilla.notification.delivery.domain.DeliveryStatus;
import io.taquilla.notification.delivery.domain.PlannedDelivery;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The consumer's whole effect: record the deliveries an event calls for, on the inbox's
 * transaction. Nothing is sent here; a second event about the same order, kind and channel finds
 * the row already there and adds nothing.
 */
@Component
public class RecordDeliveries {

    private static final Logger log = LoggerFactory.getLogger(RecordDeliveries.class);

    private final DeliveryMetrics metrics;

    public RecordDeliveries(DeliveryMetrics metrics) {
        this.metrics = metrics;
    }

    /** Returns how many new deliveries were recorded. */
    public int apply(Handle handle, TaquillaEvent event) {
        List<PlannedDelivery> plan = DeliveryPlan.forEvent(event);
        if (plan.isEmpty()) {
            return 0;
        }
        String payload = EventJson.MAPPER.writeValueAsString(event);
        int recorded = 0;
        for (PlannedDelivery planned : plan) {
            if (Deliveries.insertOnce(handle, planned, event.eventId(), event.getClass().getSimpleName(), payload)) {
                recorded++;
                metrics.status(planned.kind(), planned.channel(), DeliveryStatus.PENDING);
                log.info("recorded {} {} delivery for order {} from {} {}", planned.kind(), planned.channel(),
                        planned.orderId(), event.getClass().getSimpleName(), event.eventId());
            } else {
                log.info("order {} already has a {} {} delivery; {} {} adds none", planned.orderId(), planned.kind(),
                        planned.channel(), event.getClass().getSimpleName(), event.eventId());
            }
        }
        return recorded;
    }
}
