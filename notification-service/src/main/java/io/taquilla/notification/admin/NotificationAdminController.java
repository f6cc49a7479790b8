package io.taquilla.notification.admin;

import io.taquilla.notification.delivery.Deliveries;
import io.taquilla.notification.delivery.ResendDelivery;
import io.taquilla.notification.ownership.EventOwners;
import io.taquilla.web.ApiProblem;
import io.taquilla.web.security.StaffCaller;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What was sent to the buyers of an order, and a resend button, for staff of the organizer whose
 * event the order was for (resending is a staff task; platform admins see everything). Another
 * organizer's deliveries are not listed and cannot be resent (404).
 */
@RestController
@RequestMapping("/api/admin/notifications")
class NotificationAdminController {

    private final Jdbi jdbi;
    private final ResendDelivery resendDelivery;
    private final EventOwners owners;

    NotificationAdminController(Jdbi jdbi, ResendDelivery resendDelivery, EventOwners owners) {
        this.jdbi = jdbi;
        this.resendDelivery = resendDelivery;
        this.owners = owners;
    }

    @GetMapping
    List<DeliveryView> forOrder(@RequestParam UUID orderId, StaffCaller caller) {
        return jdbi.withHandle(handle -> !caller.canSee(owners.ofOrder(handle, orderId).orElse(null)) ? List.of()
                : Deliveries.forOrder(handle, orderId).stream()
                .map(d -> DeliveryView.of(d, Deliveries.attempts(handle, d.id())))
                .toList());
    }

    @PostMapping("/{deliveryId}/resend")
    ResponseEntity<DeliveryView> resend(@PathVariable UUID deliveryId, StaffCaller caller) {
        UUID organizer = jdbi.withHandle(handle -> owners.ofDelivery(handle, deliveryId).orElse(null));
        if (!caller.canSee(organizer)) {
            throw notFound(deliveryId);
        }
        caller.requireAssist(organizer, "Delivery", deliveryId);
        ResendDelivery.Outcome outcome = resendDelivery.apply(deliveryId);
        if (outcome instanceof ResendDelivery.Requeued requeued) {
            return ResponseEntity.accepted().body(jdbi.withHandle(handle ->
                    DeliveryView.of(requeued.delivery(), Deliveries.attempts(handle, deliveryId))));
        }
        if (outcome instanceof ResendDelivery.InFlight) {
            throw new ApiProblem(HttpStatus.CONFLICT, "delivery-in-flight", "Delivery is being sent",
                    "Delivery " + deliveryId + " is being sent right now; ask again once it is SENT or FAILED.")
                    .with("deliveryId", deliveryId);
        }
        throw notFound(deliveryId);
    }

    private static ApiProblem notFound(UUID deliveryId) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "delivery-not-found", "No such delivery",
                "There is no delivery " + deliveryId + ".").with("deliveryId", deliveryId);
    }
}
