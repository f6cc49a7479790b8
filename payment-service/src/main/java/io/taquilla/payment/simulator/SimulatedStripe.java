package io.taquilla.payment.simulator;

import io.taquilla.payment.config.PaymentProperties;
import io.taquilla.payment.provider.CheckoutRequest;
import io.taquilla.payment.provider.OpenedCheckout;
import io.taquilla.payment.provider.PaymentProvider;
import io.taquilla.payment.provider.RefundOrder;
import io.taquilla.payment.provider.SubmittedRefund;
import io.taquilla.web.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * A stand-in for Stripe when no {@code STRIPE_SECRET_KEY} is configured: sessions live in
 * {@code simulated_sessions}, the checkout page is {@link SimulatorController}'s, and every outcome
 * reaches payment-service as a signed webhook, as from Stripe. Expiries and refunds are confirmed
 * asynchronously, retried like Stripe retries deliveries.
 */
public class SimulatedStripe implements PaymentProvider {

    private static final Logger log = LoggerFactory.getLogger(SimulatedStripe.class);
    private static final int MAX_DELIVERIES = 8;

    private final Jdbi jdbi;
    private final SimulatedWebhookSender sender;
    private final PaymentProperties.Checkout checkout;
    private final ScheduledExecutorService deliveries = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "simulated-stripe-webhooks");
        thread.setDaemon(true);
        return thread;
    });

    public SimulatedStripe(Jdbi jdbi, SimulatedWebhookSender sender, PaymentProperties.Checkout checkout) {
        this.jdbi = jdbi;
        this.sender = sender;
        this.checkout = checkout;
    }

    @Override
    public OpenedCheckout openCheckout(CheckoutRequest request) {
        String id = "cs_test_sim_" + compact(UUID.nameUUIDFromBytes(request.idempotencyKey().getBytes(StandardCharsets.UTF_8)));
        String intent = "pi_sim_" + compact(UUID.randomUUID());
        SimulatedSession session = jdbi.withHandle(handle -> {
            handle.createUpdate("""
                            insert into simulated_sessions (id, order_id, amount_minor, currency, customer_email, success_url,
                                                            cancel_url, payment_intent_id, status, expires_at)
                            values (:id, :orderId, :amount, :currency, :email, :success, :cancel, :pi, 'open', :expiresAt)
                            on conflict (order_id) do nothing
                            """)
                    .bind("id", id).bind("orderId", request.orderId()).bind("amount", request.total().amountMinor())
                    .bind("currency", request.total().currency()).bind("email", request.customerEmail())
                    .bind("success", request.successUrl()).bind("cancel", request.cancelUrl()).bind("pi", intent)
                    .bind("expiresAt", Timestamp.from(request.expiresAt()))
                    .execute();
            return handle.createQuery("select * from simulated_sessions where order_id = :orderId")
                    .bind("orderId", request.orderId()).map(SimulatedStripe::map).one();
        });
        return new OpenedCheckout(session.id(), checkoutPage(session.id()), session.expiresAt());
    }

    @Override
    public void expireCheckout(String sessionId, String idempotencyKey) {
        Optional<SimulatedSession> expired = jdbi.withHandle(handle -> handle.createQuery("""
                        update simulated_sessions set status = 'expired' where id = :id and status = 'open' returning *
                        """)
                .bind("id", sessionId).map(SimulatedStripe::map).findOne());
        expired.ifPresent(session -> deliverLater(SimulatedEvents.checkoutExpired(session), 1));
    }

    @Override
    public SubmittedRefund refund(RefundOrder request) {
        String refundId = "re_sim_" + compact(UUID.nameUUIDFromBytes(request.idempotencyKey().getBytes(StandardCharsets.UTF_8)));
        deliverLater(SimulatedEvents.chargeRefunded(request.orderId(), request.paymentIntentId(),
                request.amount().amountMinor(), request.amount().currency(), refundId), 1);
        return new SubmittedRefund(refundId, "succeeded");
    }

    public Optional<SimulatedSession> find(String sessionId) {
        return jdbi.withHandle(handle -> handle.createQuery("select * from simulated_sessions where id = :id")
                .bind("id", sessionId).map(SimulatedStripe::map).findOne());
    }

    /** The buyer pays: the session completes and Stripe's two success events are delivered, in order. */
    public List<SimulatedWebhookSender.Delivery> pay(String sessionId) {
        SimulatedSession session = jdbi.inTransaction(handle -> {
            SimulatedSession open = lockOpen(handle, sessionId);
            handle.createUpdate("update simulated_sessions set status = 'complete' where id = :id").bind("id", sessionId).execute();
            return open;
        });
        return List.of(sender.send(SimulatedEvents.checkoutCompleted(session)),
                sender.send(SimulatedEvents.paymentSucceeded(session)));
    }

    /** The card is declined: Stripe reports the failed attempt and keeps the session open for another try. */
    public List<SimulatedWebhookSender.Delivery> decline(String sessionId) {
        SimulatedSession session = jdbi.inTransaction(handle -> lockOpen(handle, sessionId));
        return List.of(sender.send(SimulatedEvents.paymentFailed(session)));
    }

    /**
     * The buyer's bank disputes the paid session's charge ({@code closedAs == null}), or the
     * dispute ends as {@code won} or {@code lost}.
     */
    public List<SimulatedWebhookSender.Delivery> dispute(String sessionId, String closedAs) {
        SimulatedSession session = find(sessionId).orElseThrow(() -> ApiProblem.notFound("Checkout session", sessionId));
        if (!"complete".equals(session.status())) {
            throw new ApiProblem(HttpStatus.CONFLICT, "checkout-session-unpaid", "Nothing to dispute",
                    "Checkout session " + sessionId + " is " + session.status() + ": only a paid session can be disputed");
        }
        if (closedAs != null && !closedAs.equals("won") && !closedAs.equals("lost")) {
            throw ApiProblem.badRequest("dispute-outcome", "A dispute closes as won or lost, not " + closedAs);
        }
        return List.of(sender.send(SimulatedEvents.dispute(session, closedAs == null ? "needs_response" : closedAs,
                closedAs != null)));
    }

    public String checkoutPage(String sessionId) {
        return checkout.publicBaseUrl() + "/api/payments/simulator/checkout/" + sessionId;
    }

    private SimulatedSession lockOpen(Handle handle, String sessionId) {
        SimulatedSession session = handle.createQuery("select * from simulated_sessions where id = :id for update")
                .bind("id", sessionId).map(SimulatedStripe::map).findOne()
                .orElseThrow(() -> ApiProblem.notFound("Checkout session", sessionId));
        if (!session.open(Instant.now())) {
            throw new ApiProblem(HttpStatus.CONFLICT, "checkout-session-closed", "Checkout session closed",
                    "Checkout session " + sessionId + " is " + ("open".equals(session.status()) ? "expired" : session.status())
                            + " and cannot be paid");
        }
        return session;
    }

    private void deliverLater(String payload, int attempt) {
        deliveries.schedule(() -> {
            try {
                SimulatedWebhookSender.Delivery delivery = sender.send(payload);
                if (delivery.status() / 100 != 2) {
                    throw new IllegalStateException("endpoint answered " + delivery.status());
                }
            } catch (RuntimeException e) {
                if (attempt < MAX_DELIVERIES) {
                    deliverLater(payload, attempt + 1);
                } else {
                    log.error("simulated webhook given up after {} deliveries: {}", attempt, e.getMessage());
                }
            }
        }, attempt == 1 ? 0 : 1L << Math.min(attempt, 6), TimeUnit.SECONDS);
    }

    private static String compact(UUID uuid) {
        return uuid.toString().replace("-", "");
    }

    private static SimulatedSession map(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws java.sql.SQLException {
        return new SimulatedSession(rs.getString("id"), rs.getObject("order_id", UUID.class), rs.getLong("amount_minor"),
                rs.getString("currency"), rs.getString("customer_email"), rs.getString("success_url"),
                rs.getString("cancel_url"), rs.getString("payment_intent_id"), rs.getString("status"),
                rs.getObject("expires_at", OffsetDateTime.class).toInstant());
    }
}
