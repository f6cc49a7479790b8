package io.taquilla.notification.delivery;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

/** An admin asks to send a delivery again (the buyer lost the email, or it FAILED while SMTP was down). */
@Component
public class ResendDelivery {

    /** What happened to the request. */
    public sealed interface Outcome permits Requeued, NotFound, InFlight {}

    public record Requeued(Delivery delivery) implements Outcome {}

    public record NotFound() implements Outcome {}

    /** It is being sent right now; asking again would risk two copies. */
    public record InFlight(Delivery delivery) implements Outcome {}

    private final Jdbi jdbi;
    private final DeliveryDispatcher dispatcher;

    public ResendDelivery(Jdbi jdbi, DeliveryDispatcher dispatcher) {
        this.jdbi = jdbi;
        this.dispatcher = dispatcher;
    }

    public Outcome apply(UUID deliveryId) {
        Outcome outcome = jdbi.inTransaction(handle -> {
            Optional<Delivery> requeued = Deliveries.requeue(handle, deliveryId);
            if (requeued.isPresent()) {
                return new Requeued(requeued.get());
            }
            return Deliveries.find(handle, deliveryId).<Outcome>map(InFlight::new).orElseGet(NotFound::new);
        });
        if (outcome instanceof Requeued) {
            dispatcher.wakeUp();
        }
        return outcome;
    }
}
