package io.taquilla.identity.staff;

import io.taquilla.contracts.Topics;
import io.taquilla.contracts.identity.DeviceRevoked;
import io.taquilla.contracts.identity.StaffRemoved;
import io.taquilla.contracts.identity.StaffRoleChanged;
import io.taquilla.identity.admin.Caller;
import io.taquilla.identity.device.Device;
import io.taquilla.identity.device.DeviceStore;
import io.taquilla.identity.staff.domain.Role;
import io.taquilla.messaging.outbox.Outbox;
import io.taquilla.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Changes a staff member's role, or removes them: removal also revokes their devices and deletes
 * their authorizations (refresh tokens), so nothing they hold can be refreshed. Another
 * organizer's staff are "not found" to an organizer admin.
 */
@Component
public class ChangeStaff {

    private final Jdbi jdbi;
    private final StaffStore staff;
    private final DeviceStore devices;
    private final Outbox outbox;
    private final Clock clock;

    public ChangeStaff(Jdbi jdbi, StaffStore staff, DeviceStore devices, Outbox outbox, Clock clock) {
        this.jdbi = jdbi;
        this.staff = staff;
        this.devices = devices;
        this.outbox = outbox;
        this.clock = clock;
    }

    public StaffAccount changeRole(Caller caller, UUID id, Role role, List<UUID> events) {
        if (role == Role.PLATFORM_ADMIN) {
            caller.requirePlatformAdmin();
        }
        if (events != null && role != Role.DOOR) {
            throw ApiProblem.badRequest("validation", "events can only narrow a door account");
        }
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> {
            StaffAccount account = visible(handle, caller, id);
            if (role.scopedToOrganizer() != account.role().scopedToOrganizer()) {
                throw new ApiProblem(HttpStatus.CONFLICT, "role-scope", "Role cannot change scope",
                        "A platform admin cannot become organizer staff or the other way round; invite a new account");
            }
            staff.changeRole(handle, id, role, events, now);
            outbox.append(handle, Topics.IDENTITY_STAFF,
                    new StaffRoleChanged(UUID.randomUUID(), now, id, account.organizerId(), role.wire(), caller.subject()));
            return staff.find(handle, id).orElseThrow();
        });
    }

    public void remove(Caller caller, UUID id) {
        if (id.toString().equals(caller.subject())) {
            throw new ApiProblem(HttpStatus.CONFLICT, "self-removal", "Cannot remove yourself",
                    "Ask another admin to remove your account");
        }
        Instant now = clock.instant();
        jdbi.useTransaction(handle -> {
            StaffAccount account = visible(handle, caller, id);
            for (Device device : devices.liveOfStaff(handle, id)) {
                devices.revoke(handle, device.id(), caller.subject(), now);
                outbox.append(handle, Topics.IDENTITY_STAFF, new DeviceRevoked(UUID.randomUUID(), now, id, device.id(),
                        device.organizerId(), caller.subject()));
            }
            handle.createUpdate("delete from oauth2_authorization where principal_name = :id").bind("id", id.toString()).execute();
            staff.remove(handle, id, now);
            outbox.append(handle, Topics.IDENTITY_STAFF,
                    new StaffRemoved(UUID.randomUUID(), now, id, account.organizerId(), caller.subject()));
        });
    }

    private StaffAccount visible(Handle handle, Caller caller, UUID id) {
        return staff.find(handle, id)
                .filter(account -> !"REMOVED".equals(account.status()) && caller.sees(account.organizerId()))
                .orElseThrow(() -> ApiProblem.notFound("Staff member", id));
    }
}
