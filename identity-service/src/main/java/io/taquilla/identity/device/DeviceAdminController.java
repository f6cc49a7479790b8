package io.taquilla.identity.device;

import io.taquilla.identity.admin.Caller;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Lists door devices and revokes one ("lost phone"). */
@RestController
@RequestMapping("/api/admin/identity/devices")
class DeviceAdminController {

    /** A device without its authorization id (an internal handle). */
    record DeviceView(UUID id, UUID organizerId, UUID staffId, String staffEmail, String name, java.time.Instant registeredAt,
                      java.time.Instant lastSeenAt, java.time.Instant revokedAt, String revokedBy) {
        static DeviceView of(Device d) {
            return new DeviceView(d.id(), d.organizerId(), d.staffId(), d.staffEmail(), d.name(), d.registeredAt(),
                    d.lastSeenAt(), d.revokedAt(), d.revokedBy());
        }
    }

    private final Jdbi jdbi;
    private final DeviceStore devices;
    private final RevokeDevice revoke;

    DeviceAdminController(Jdbi jdbi, DeviceStore devices, RevokeDevice revoke) {
        this.jdbi = jdbi;
        this.devices = devices;
        this.revoke = revoke;
    }

    @GetMapping
    List<DeviceView> list(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) UUID organizerId) {
        UUID scope = Caller.of(jwt).listScope(organizerId);
        return jdbi.withHandle(h -> devices.list(h, scope)).stream().map(DeviceView::of).toList();
    }

    @PostMapping("/{id}/revoke")
    DeviceView revoke(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        return DeviceView.of(revoke.revoke(Caller.of(jwt), id));
    }
}
