package io.taquilla.identity.organizer;

import io.taquilla.identity.staff.StaffStore;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.springframework.stereotype.Component;

/** The organizer table. */
@Component
public class OrganizerStore {

    public Optional<Organizer> find(Handle handle, UUID id) {
        return handle.createQuery("select id, name, created_at from organizer where id = :id").bind("id", id)
                .map((rs, ctx) -> new Organizer(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .findOne();
    }

    public List<Organizer> list(Handle handle) {
        return handle.createQuery("select id, name, created_at from organizer order by lower(name)")
                .map((rs, ctx) -> new Organizer(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Inserts unless the id exists; true when inserted. */
    public boolean insert(Handle handle, UUID id, String name, Instant now) {
        return handle.createUpdate("insert into organizer (id, name, created_at) values (:id, :name, :now) on conflict (id) do nothing")
                .bind("id", id).bind("name", name).bind("now", StaffStore.utc(now)).execute() == 1;
    }
}
