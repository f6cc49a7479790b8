package io.taquilla.order.inventory;

import io.taquilla.order.inventory.domain.EventAvailability;
import io.taquilla.order.inventory.domain.TypeAvailability;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.springframework.stereotype.Component;

/**
 * Live counts straight from the unit rows, in one statement so they are one consistent snapshot.
 * A hold past its expiry counts as available, sweeper or not.
 */
@Component
public class InventoryCounts {

    private static final String COUNTS = """
            select t.id, t.code, t.name, t.catalog_event_id,
                   count(u.unit_no) as capacity,
                   count(*) filter (where u.state = 'HELD' and u.hold_expires_at > clock_timestamp()) as held,
                   count(*) filter (where u.state = 'SOLD') as sold
              from ticket_type t
              left join inventory_unit u on u.ticket_type_id = t.id
             where %s
             group by t.id
             order by t.position, t.code
            """;

    /** Counts with the event they belong to, for publishing. */
    public record Counted(UUID catalogEventId, TypeAvailability counts) {}

    public Optional<EventAvailability> forEvent(Handle handle, UUID eventId) {
        boolean known = handle.createQuery("select count(*) > 0 from catalog_event where id = :event")
                .bind("event", eventId).mapTo(Boolean.class).one();
        if (!known) {
            return Optional.empty();
        }
        List<TypeAvailability> types = handle.createQuery(COUNTS.formatted("t.catalog_event_id = :event and t.active"))
                .bind("event", eventId)
                .map((rs, ctx) -> map(rs).counts())
                .list();
        return Optional.of(new EventAvailability(eventId, types));
    }

    public List<Counted> forTypes(Handle handle, Collection<UUID> types) {
        if (types.isEmpty()) {
            return List.of();
        }
        return handle.createQuery(COUNTS.formatted("t.id in (<types>)"))
                .bindList("types", List.copyOf(types))
                .map((rs, ctx) -> map(rs))
                .list();
    }

    private static Counted map(java.sql.ResultSet rs) throws java.sql.SQLException {
        int capacity = rs.getInt("capacity");
        int held = rs.getInt("held");
        int sold = rs.getInt("sold");
        return new Counted(rs.getObject("catalog_event_id", UUID.class), new TypeAvailability(
                rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
                capacity, held, sold, capacity - held - sold));
    }
}
