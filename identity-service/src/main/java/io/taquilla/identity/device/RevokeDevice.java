package io.taquilla.identity.device;

import io.taquilla.contracts.Topics;
import io.taquilla.contracts.identity.DeviceRevoked;
import io.taquilla.identity.admin.Caller;
import io.taquilla.messaging.outbox.Outbox;
import io.taquilla.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

/**
 * "Lost phone": the device is marked revoked, its authorization (refresh token) is deleted so it
 * cannot get another access token, and DeviceRevoked lets scanners refuse it before its last
 * access token expires. Revoking twice is harmless.
 */
@Component
public class RevokeDevice {

    private final Jdbi jdbi;
    private final DeviceStore devices;
    private final Outbox outbox;
    private final Clock clock;

    public RevokeDevice(Jdbi jdbi, DeviceStore devices, Outbox outbox, Clock clock) {
        this.jdbi = jdbi;
        this.devices = devices;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Device revoke(Caller caller, UUID id) {
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> {
            Device device = devices.find(handle, id).filter(d -> caller.sees(d.organizerId()))
                    .orElseThrow(() -> ApiProblem.notFound("Device", id));
            if (devices.revoke(handle, id, caller.subject(), now)) {
                if (device.authorizationId() != null) {
                    handle.createUpdate("delete from oauth2_authorization where id = :id").bind("id", device.authorizationId()).execute();
                }
                outbox.append(handle, Topics.IDENTITY_STAFF, new DeviceRevoked(UUID.randomUUID(), now, device.staffId(), id,
                        device.organizerId(), caller.subject()));
            }
            return devices.find(handle, id).orElseThrow();
        });
    }
}
