package io.taquilla.order.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.taquilla.order.orders.OrderMoney;
import io.taquilla.order.orders.OrderTransitions;
import io.taquilla.order.orders.Orders;
import io.taquilla.order.orders.StoredOrder;
import io.taquilla.order.orders.domain.OrderStatus;
import io.taquilla.web.ApiProblem;
import io.taquilla.web.security.StaffCaller;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin API: look at an order (staff of the organizer whose event it is), cancel an unpaid one or
 * refund a paid one (that organizer's admins). Another organizer's order is not found.
 */
@RestController
class AdminOrderController {

    record Reason(@Size(max = 500) String reason) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AdminOrderView(UUID orderId, UUID eventId, String status, String statusReason, List<?> lines,
                          long totalMinor, String currency, String customerEmail, String customerName,
                          String customerPhone, Instant holdExpiresAt, String checkoutUrl, String paymentIntentId,
                          Long paidMinor, String flaggedReason, Instant createdAt, Instant updatedAt,
                          long refundedMinor, String disputeStatus, String disputeReason) {
        static AdminOrderView of(StoredOrder o, OrderMoney.State m) {
            return new AdminOrderView(o.id(), o.catalogEventId(), o.status().name(), o.statusReason(), o.lines(),
                    o.totalMinor(), o.currency(), o.customerEmail(), o.customerName(), o.customerPhone(),
                    o.holdExpiresAt(), o.checkoutUrl(), o.paymentIntentId(), o.paidMinor(), o.flaggedReason(),
                    o.createdAt(), o.updatedAt(), m.refundedMinor(), m.disputeStatus(), m.disputeReason());
        }
    }

    private final Jdbi jdbi;
    private final Orders orders;
    private final OrderTransitions transitions;
    private final OrderMoney money;

    AdminOrderController(Jdbi jdbi, Orders orders, OrderTransitions transitions, OrderMoney money) {
        this.money = money;
        this.jdbi = jdbi;
        this.orders = orders;
        this.transitions = transitions;
    }

    @GetMapping("/api/admin/orders/{orderId}")
    AdminOrderView get(@PathVariable UUID orderId, StaffCaller caller) {
        return jdbi.withHandle(h -> {
            StoredOrder order = orders.find(h, orderId).orElseThrow(() -> ApiProblem.notFound("Order", orderId));
            caller.requireSee(organizerOf(h, order), "Order", orderId);
            return AdminOrderView.of(order, money.of(h, orderId));
        });
    }

    /** Releases an unpaid order's hold. A paid order must be refunded instead (409). */
    @PostMapping("/api/admin/orders/{orderId}/cancel")
    AdminOrderView cancel(@PathVariable UUID orderId, @RequestBody(required = false) Reason body, StaffCaller caller) {
        String reason = "admin" + (body == null || body.reason() == null ? "" : ": " + body.reason());
        return change(caller, orderId, OrderStatus.CANCELLED, (h, order) -> transitions.cancel(h, order, reason),
                "Only unpaid orders can be cancelled; refund a paid order instead");
    }

    /** Asks payment-service for a full refund (RefundRequested); a free order is refunded at once. */
    @PostMapping("/api/admin/orders/{orderId}/refund")
    AdminOrderView refund(@PathVariable UUID orderId, @RequestBody(required = false) Reason body, StaffCaller caller) {
        String reason = body == null || body.reason() == null ? "requested by admin" : body.reason();
        return change(caller, orderId, null, (h, order) -> transitions.requestRefund(h, order, reason),
                "Only confirmed orders can be refunded");
    }

    private AdminOrderView change(StaffCaller caller, UUID orderId, OrderStatus wanted, BiFunction<Handle, StoredOrder, OrderStatus> transition,
                                  String refusal) {
        return jdbi.inTransaction(h -> {
            StoredOrder order = orders.lock(h, orderId).orElseThrow(() -> ApiProblem.notFound("Order", orderId));
            caller.requireManage(organizerOf(h, order), "Order", orderId);
            OrderStatus before = order.status();
            OrderStatus after = transition.apply(h, order);
            boolean changed = after != before && (wanted == null || after == wanted);
            if (!changed && before != wanted) {
                throw new ApiProblem(HttpStatus.CONFLICT, "order-state", "Order cannot change this way",
                        refusal + " (order is " + before + ")").with("status", before.name());
            }
            return AdminOrderView.of(orders.find(h, orderId).orElseThrow(), money.of(h, orderId));
        });
    }

    /** The organizer that owns the order's event, as catalog announced it; null if never announced. */
    private static UUID organizerOf(Handle h, StoredOrder order) {
        return h.createQuery("select organizer_id from catalog_event where id = :id")
                .bind("id", order.catalogEventId()).mapTo(UUID.class).findOne().orElse(null);
    }
}
