package io.taquilla.identity.device;

import io.taquilla.contracts.Topics;
import io.taquilla.contracts.identity.DeviceRegistered;
import io.taquilla.identity.staff.StaffAccount;
import io.taquilla.messaging.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

/** A door login through the door app registers the phone it happened on. */
@Component
public class RegisterDevice {

    static final int MAX_NAME = 80;

    private final Jdbi jdbi;
    private final DeviceStore devices;
    private final Outbox outbox;
    private final Clock clock;

    public RegisterDevice(Jdbi jdbi, DeviceStore devices, Outbox outbox, Clock clock) {
        this.jdbi = jdbi;
        this.devices = devices;
        this.outbox = outbox;
        this.clock = clock;
    }

    public UUID register(StaffAccount staff, String requestedName, String authorizationId) {
        String name = requestedName == null || requestedName.isBlank() ? "Door device"
                : requestedName.strip().substring(0, Math.min(MAX_NAME, requestedName.strip().length()));
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbi.useTransaction(handle -> {
            devices.insert(handle, new Device(id, staff.organizerId(), staff.id(), staff.email(), name, authorizationId,
                    now, now, null, null));
            outbox.append(handle, Topics.IDENTITY_STAFF,
                    new DeviceRegistered(UUID.randomUUID(), now, staff.id(), id, staff.organizerId(), name));
        });
        return id;
    }

    /** Null when the device may refresh; otherwise why not. */
    public String refuseRefresh(UUID deviceId) {
        return jdbi.withHandle(handle -> {
            Device device = devices.find(handle, deviceId).orElse(null);
            if (device == null) {
                return "unknown device";
            }
            if (device.revoked()) {
                return "device revoked";
            }
            devices.seen(handle, deviceId, clock.instant());
            return null;
        });
    }
}
