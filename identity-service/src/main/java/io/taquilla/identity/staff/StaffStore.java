package io.taquilla.identity.staff;

import io.taquilla.identity.staff.domain.Role;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.springframework.stereotype.Component;

/** The staff_account table, on the caller's transaction. */
@Component
public class StaffStore {

    private static final String SELECT = """
            select id, email, name, role, organizer_id, events, password_hash, status, created_at from staff_account
            """;

    public Optional<StaffAccount> find(Handle handle, UUID id) {
        return handle.createQuery(SELECT + " where id = :id").bind("id", id).map((rs, ctx) -> row(rs)).findOne();
    }

    /** The live (not removed) account with this address, case-insensitively. */
    public Optional<StaffAccount> findByEmail(Handle handle, String email) {
        return handle.createQuery(SELECT + " where lower(email) = lower(:email) and status <> 'REMOVED'")
                .bind("email", email).map((rs, ctx) -> row(rs)).findOne();
    }

    /** Live accounts of one organizer, or of every organizer when {@code organizerId} is null. */
    public List<StaffAccount> list(Handle handle, UUID organizerId) {
        return handle.createQuery(SELECT + " where status <> 'REMOVED' and (cast(:org as uuid) is null or organizer_id = :org) order by lower(email)")
                .bind("org", organizerId).map((rs, ctx) -> row(rs)).list();
    }

    public boolean anyPlatformAdmin(Handle handle) {
        return handle.createQuery("select exists (select 1 from staff_account where role = 'platform-admin' and status <> 'REMOVED')")
                .mapTo(Boolean.class).one();
    }

    public void insert(Handle handle, StaffAccount account, Instant now) {
        handle.createUpdate("""
                insert into staff_account (id, email, name, role, organizer_id, events, password_hash, status, created_at, updated_at)
                values (:id, :email, :name, :role, :org, :events, :hash, :status, :now, :now)
                """)
                .bind("id", account.id()).bind("email", account.email()).bind("name", account.name())
                .bind("role", account.role().wire()).bind("org", account.organizerId())
                .bindArray("events", UUID.class, account.events() == null ? null : account.events().toArray(UUID[]::new))
                .bind("hash", account.passwordHash()).bind("status", account.status()).bind("now", utc(now))
                .execute();
    }

    public void activate(Handle handle, UUID id, String passwordHash, Instant now) {
        handle.createUpdate("update staff_account set password_hash = :hash, status = 'ACTIVE', updated_at = :now where id = :id")
                .bind("id", id).bind("hash", passwordHash).bind("now", utc(now)).execute();
    }

    public void changeRole(Handle handle, UUID id, Role role, List<UUID> events, Instant now) {
        handle.createUpdate("update staff_account set role = :role, events = :events, updated_at = :now where id = :id")
                .bind("id", id).bind("role", role.wire())
                .bindArray("events", UUID.class, events == null ? null : events.toArray(UUID[]::new))
                .bind("now", utc(now)).execute();
    }

    public void remove(Handle handle, UUID id, Instant now) {
        handle.createUpdate("update staff_account set status = 'REMOVED', password_hash = null, updated_at = :now where id = :id")
                .bind("id", id).bind("now", utc(now)).execute();
    }

    private static StaffAccount row(ResultSet rs) throws SQLException {
        Array events = rs.getArray("events");
        List<UUID> eventIds = events == null ? null : Arrays.stream((Object[]) events.getArray()).map(o -> (UUID) o).toList();
        return new StaffAccount(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("name"),
                Role.fromWire(rs.getString("role")).orElseThrow(), rs.getObject("organizer_id", UUID.class), eventIds,
                rs.getString("password_hash"), rs.getString("status"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
