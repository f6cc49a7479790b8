package io.taquilla.identity.device;

import io.taquilla.identity.staff.StaffStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.springframework.stereotype.Component;

/** The device table. */
@Component
public class DeviceStore {

    private static final String SELECT = """
            select d.id, d.organizer_id, d.staff_id, s.email, d.name, d.authorization_id, d.registered_at,
                   d.last_seen_at, d.revoked_at, d.revoked_by
              from device d join staff_account s on s.id = d.staff_id
            """;

    public Optional<Device> find(Handle handle, UUID id) {
        return handle.createQuery(SELECT + " where d.id = :id").bind("id", id).map((rs, ctx) -> row(rs)).findOne();
    }

    /** Newest first; every organizer when {@code organizerId} is null. */
    public List<Device> list(Handle handle, UUID organizerId) {
        return handle.createQuery(SELECT + " where cast(:org as uuid) is null or d.organizer_id = :org order by d.registered_at desc")
                .bind("org", organizerId).map((rs, ctx) -> row(rs)).list();
    }

    public List<Device> liveOfStaff(Handle handle, UUID staffId) {
        return handle.createQuery(SELECT + " where d.staff_id = :staff and d.revoked_at is null")
                .bind("staff", staffId).map((rs, ctx) -> row(rs)).list();
    }

    public void insert(Handle handle, Device device) {
        handle.createUpdate("""
                insert into device (id, organizer_id, staff_id, name, authorization_id, registered_at, last_seen_at)
                values (:id, :org, :staff, :name, :auth, :at, :at)
                """)
                .bind("id", device.id()).bind("org", device.organizerId()).bind("staff", device.staffId())
                .bind("name", device.name()).bind("auth", device.authorizationId())
                .bind("at", StaffStore.utc(device.registeredAt())).execute();
    }

    public void seen(Handle handle, UUID id, Instant at) {
        handle.createUpdate("update device set last_seen_at = :at where id = :id").bind("id", id)
                .bind("at", StaffStore.utc(at)).execute();
    }

    /** True when this call revoked it (it was live). */
    public boolean revoke(Handle handle, UUID id, String by, Instant at) {
        return handle.createUpdate("update device set revoked_at = :at, revoked_by = :by where id = :id and revoked_at is null")
                .bind("id", id).bind("by", by).bind("at", StaffStore.utc(at)).execute() == 1;
    }

    private static Device row(ResultSet rs) throws SQLException {
        return new Device(rs.getObject("id", UUID.class), rs.getObject("organizer_id", UUID.class),
                rs.getObject("staff_id", UUID.class), rs.getString("email"), rs.getString("name"),
                rs.getString("authorization_id"), instant(rs, "registered_at"), instant(rs, "last_seen_at"),
                instant(rs, "revoked_at"), rs.getString("revoked_by"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
