package io.taquilla.order.inventory;

import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.springframework.stereotype.Component;

/**
 * Keeps the number of unit rows of a ticket type equal to the capacity catalog asked for. Growing
 * adds FREE rows; shrinking deletes free (or expired-hold) rows. Units held or sold cannot be
 * deleted, so a cut below what is held leaves an excess ({@code unit_count > capacity}) that is
 * trimmed as those units come back, before anyone else can claim them.
 */
@Component
public class Capacity {

    /** Sets the target and adds or removes units to match; runs on the caller's transaction. */
    public void resize(Handle handle, UUID type, int target) {
        int units = handle.createQuery("select unit_count from ticket_type where id = :type for update")
                .bind("type", type).mapTo(Integer.class).one();
        handle.createUpdate("update ticket_type set capacity = :capacity where id = :type")
                .bind("type", type).bind("capacity", target).execute();
        if (target > units) {
            int next = handle.createQuery("select coalesce(max(unit_no), 0) from inventory_unit where ticket_type_id = :type")
                    .bind("type", type).mapTo(Integer.class).one();
            handle.createUpdate("""
                            insert into inventory_unit (ticket_type_id, unit_no)
                            select :type, g from generate_series(:from, :to) g
                            """)
                    .bind("type", type).bind("from", next + 1).bind("to", next + target - units).execute();
            handle.createUpdate("update ticket_type set unit_count = :units where id = :type")
                    .bind("type", type).bind("units", target).execute();
        } else if (target < units) {
            trimLocked(handle, type, units, target);
        }
    }

    /**
     * Deletes claimable units beyond the capacity. A cheap unlocked read first: the common case
     * (no excess) takes no lock on the ticket type row, so buyers do not serialise on it.
     */
    public void trimExcess(Handle handle, UUID type) {
        boolean excess = handle.createQuery("select unit_count > capacity from ticket_type where id = :type")
                .bind("type", type).mapTo(Boolean.class).findOne().orElse(false);
        if (!excess) {
            return;
        }
        handle.createQuery("select unit_count, capacity from ticket_type where id = :type for update")
                .bind("type", type)
                .map((rs, ctx) -> new int[] {rs.getInt(1), rs.getInt(2)})
                .findOne()
                .ifPresent(counts -> trimLocked(handle, type, counts[0], counts[1]));
    }

    private void trimLocked(Handle handle, UUID type, int units, int target) {
        if (units <= target) {
            return;
        }
        int deleted = handle.createUpdate("""
                        with surplus as materialized (
                            select unit_no from inventory_unit
                             where ticket_type_id = :type
                               and (state = 'FREE' or (state = 'HELD' and hold_expires_at <= clock_timestamp()))
                             order by unit_no desc
                             limit :excess
                               for update skip locked)
                        delete from inventory_unit u using surplus s
                         where u.ticket_type_id = :type and u.unit_no = s.unit_no
                        """)
                .bind("type", type).bind("excess", units - target).execute();
        handle.createUpdate("update ticket_type set unit_count = unit_count - :deleted where id = :type")
                .bind("type", type).bind("deleted", deleted).execute();
    }
}
