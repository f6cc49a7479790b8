package io.taquilla.payment.support;

import static org.awaitility.Awaitility.await;

import io.taquilla.contracts.payments.CheckoutSessionCreated;
import java.time.Duration;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Steps shared by the integration tests. */
public final class Checkouts {

    private Checkouts() {
    }

    /** Plays order-service placing a 110.00 EUR order and waits for its checkout session. */
    public static CheckoutSessionCreated open(UUID orderId) {
        PaymentTopics.send(Orders.placed(orderId));
        return PaymentTopics.awaitEvent(orderId, CheckoutSessionCreated.class);
    }

    /** Waits until the stored Stripe event has been applied and returns its outcome. */
    public static String processed(Jdbi jdbi, String stripeEventId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> jdbi.withHandle(handle -> handle.createQuery(
                        "select outcome || ': ' || coalesce(detail, '') from stripe_events where id = :id and processed_at is not null")
                .bind("id", stripeEventId).mapTo(String.class).findOne().orElse(null)), outcome -> outcome != null);
    }

    public static String paymentStatus(Jdbi jdbi, UUID orderId) {
        return jdbi.withHandle(handle -> handle.createQuery("select status from payment_attempts where order_id = :id")
                .bind("id", orderId).mapTo(String.class).one());
    }
}
