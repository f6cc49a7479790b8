package io.taquilla.payment.admin;

import io.taquilla.payment.ownership.EventOwners;
import io.taquilla.web.ApiProblem;
import io.taquilla.web.security.StaffCaller;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.CaseStrategy;
import org.jdbi.v3.core.mapper.MapMappers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What happened to an order's payment, for support and on-call: the payment, every Stripe call
 * with its attempts and last error, every webhook received and how it was applied, and the refund.
 * Staff of the organizer whose event the order was for (or a platform admin) may look; for
 * anyone else the order's payment does not exist.
 */
@RestController
public class AdminPaymentsController {

    private final Jdbi jdbi;
    private final EventOwners owners;

    public AdminPaymentsController(Jdbi jdbi, EventOwners owners) {
        this.jdbi = jdbi;
        this.owners = owners;
    }

    @GetMapping("/api/admin/payments")
    public Map<String, Object> byOrder(@RequestParam UUID orderId, StaffCaller caller) {
        return jdbi.withHandle(handle -> {
            caller.requireSee(owners.ofOrder(handle, orderId).orElse(null), "Payment for order", orderId);
            // Keep the camelCase aliases below as they are (JDBI lower-cases map keys by default).
            handle.getConfig(MapMappers.class).setCaseChange(CaseStrategy.NOP);
            List<Map<String, Object>> payment = rows(handle, """
                    select order_id as "orderId", status, amount_minor as "amountMinor", currency,
                           received_amount_minor as "receivedAmountMinor", received_currency as "receivedCurrency",
                           customer_email as "customerEmail", session_id as "sessionId", checkout_url as "checkoutUrl",
                           session_expires_at as "sessionExpiresAt", hold_expires_at as "holdExpiresAt",
                           payment_intent_id as "paymentIntentId", created_at as "createdAt", updated_at as "updatedAt"
                      from payment_attempts where order_id = :orderId
                    """, orderId);
            List<Map<String, Object>> calls = rows(handle, """
                    select operation, idempotency_key as "idempotencyKey", attempts, outcome, last_error as "lastError",
                           next_attempt_at as "nextAttemptAt", created_at as "createdAt", completed_at as "completedAt"
                      from stripe_calls where order_id = :orderId order by created_at
                    """, orderId);
            List<Map<String, Object>> webhooks = rows(handle, """
                    select id, type, livemode, received_at as "receivedAt", processed_at as "processedAt", attempts,
                           outcome, detail, published_event_id as "publishedEventId"
                      from stripe_events where order_id = :orderId order by received_at
                    """, orderId);
            List<Map<String, Object>> refunds = rows(handle, """
                    select amount_minor as "amountMinor", currency, payment_intent_id as "paymentIntentId", reason,
                           automatic, status, stripe_refund_id as "stripeRefundId", last_error as "lastError",
                           requested_by as "requestedBy", requested_at as "requestedAt", submitted_at as "submittedAt",
                           confirmed_at as "confirmedAt"
                      from refunds where order_id = :orderId
                    """, orderId);
            if (payment.isEmpty() && webhooks.isEmpty() && refunds.isEmpty()) {
                throw ApiProblem.notFound("Payment for order", orderId);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("orderId", orderId);
            body.put("payment", payment.isEmpty() ? null : payment.get(0));
            body.put("attempts", calls);
            body.put("webhookEvents", webhooks);
            body.put("refunds", refunds);
            return body;
        });
    }

    private static List<Map<String, Object>> rows(Handle handle, String sql, UUID orderId) {
        return handle.createQuery(sql).bind("orderId", orderId).mapToMap().list();
    }
}
