package io.taquilla.order.inventory;

import io.taquilla.order.inventory.domain.Shortage;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.springframework.stereotype.Component;

/**
 * The inventory ledger: one row per sellable unit, each FREE, HELD (by an order, until a time) or
 * SOLD. Claims lock distinct rows with {@code FOR UPDATE SKIP LOCKED}, so concurrent buyers never
 * take the same unit and never queue behind one hot counter row. A hold past its expiry is
 * claimable at once, sweeper or not. All methods run on the caller's transaction.
 */
@Component
public class InventoryLedger {

    /**
     * Free units first (partial index on FREE rows) ... The locking sub-select is a MATERIALIZED
     * CTE on purpose: as a plain sub-query the planner may re-scan it (e.g. as the inner side of
     * a join), and each re-scan with SKIP LOCKED can return other rows, so one statement could
     * claim more than {@code :n} units. Materialized, it runs exactly once.
     */
    private static final String CLAIM_FREE = """
            with claimable as materialized (
                select unit_no from inventory_unit
                 where ticket_type_id = :type and state = 'FREE'
                 limit :n for update skip locked)
            update inventory_unit u
               set state = :state, order_id = :order, hold_expires_at = :until
              from claimable c
             where u.ticket_type_id = :type and u.unit_no = c.unit_no
            returning u.unit_no
            """;

    /** ... then units whose hold ran out, whether or not the sweeper has expired their order yet. */
    private static final String CLAIM_EXPIRED = """
            with claimable as materialized (
                select unit_no from inventory_unit
                 where ticket_type_id = :type and state = 'HELD' and hold_expires_at <= clock_timestamp()
                 limit :n for update skip locked)
            update inventory_unit u
               set state = :state, order_id = :order, hold_expires_at = :until
              from claimable c
             where u.ticket_type_id = :type and u.unit_no = c.unit_no
            returning u.unit_no
            """;

    private static final String CLAIMABLE_COUNT = """
            select count(*) from inventory_unit
             where ticket_type_id = :type
               and (state = 'FREE' or (state = 'HELD' and hold_expires_at <= clock_timestamp()))
            """;

    /** How often to look again when SKIP LOCKED found too few units but others' claims may roll back. */
    private static final int CLAIM_ATTEMPTS = 3;

    private final Capacity capacity;

    public InventoryLedger(Capacity capacity) {
        this.capacity = capacity;
    }

    /** A line to hold: {@code quantity} units of one type. */
    public record Claim(UUID ticketTypeId, String code, int quantity) {}

    /**
     * Holds (or, with {@code holdUntil == null}, sells) every claim for {@code orderId}, or reports
     * what was short. On a shortage some units may already be claimed on this transaction: the
     * caller must roll it back.
     */
    public List<Shortage> claim(Handle handle, UUID orderId, List<Claim> claims, Instant holdUntil) {
        for (int i = 0; i < claims.size(); i++) {
            Claim claim = claims.get(i);
            capacity.trimExcess(handle, claim.ticketTypeId());
            int[] outcome = claimUnits(handle, orderId, claim.ticketTypeId(), claim.quantity(), holdUntil);
            if (outcome[0] < claim.quantity()) {
                return shortages(handle, claims, i, outcome[0] + outcome[1]);
            }
        }
        return List.of();
    }

    /** What each line could get: lines before {@code failed} were satisfied, the rest are counted now. */
    private List<Shortage> shortages(Handle handle, List<Claim> claims, int failed, int failedAvailable) {
        List<Shortage> shortages = new java.util.ArrayList<>();
        for (int i = failed; i < claims.size(); i++) {
            Claim c = claims.get(i);
            // Units other buyers are claiming this instant still look free; the failed line had fewer than asked.
            int available = i == failed ? Math.min(failedAvailable, c.quantity() - 1) : claimable(handle, c.ticketTypeId());
            if (available < c.quantity()) {
                shortages.add(new Shortage(c.ticketTypeId(), c.code(), c.quantity(), available));
            }
        }
        return shortages;
    }

    /** Returns {units claimed, units still claimable by others' rollbacks as last seen}. */
    private int[] claimUnits(Handle handle, UUID orderId, UUID type, int wanted, Instant holdUntil) {
        int got = 0;
        int stillClaimable = 0;
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS && got < wanted; attempt++) {
            got += claimWith(handle, CLAIM_FREE, orderId, type, wanted - got, holdUntil);
            if (got < wanted) {
                got += claimWith(handle, CLAIM_EXPIRED, orderId, type, wanted - got, holdUntil);
            }
            if (got < wanted) {
                // Units locked by concurrent claims were skipped; only look again if they could come back.
                stillClaimable = claimable(handle, type);
                if (stillClaimable < wanted - got) {
                    break;
                }
            }
        }
        return new int[] {got, stillClaimable};
    }

    private static int claimWith(Handle handle, String sql, UUID orderId, UUID type, int n, Instant holdUntil) {
        int claimed = handle.createQuery(sql)
                .bind("type", type)
                .bind("n", n)
                .bind("state", holdUntil == null ? "SOLD" : "HELD")
                .bind("order", orderId)
                .bind("until", holdUntil)
                .mapTo(Integer.class)
                .list().size();
        if (claimed > n) {
            // Never let an order hold more than it asked for; the caller's transaction rolls back.
            throw new IllegalStateException("claimed " + claimed + " units of " + type + " for " + orderId + ", wanted " + n);
        }
        return claimed;
    }

    /** Units a new buyer could take now (free, or held past expiry), including ones others are claiming. */
    public int claimable(Handle handle, UUID type) {
        return handle.createQuery(CLAIMABLE_COUNT).bind("type", type).mapTo(Integer.class).one();
    }

    /**
     * HELD → SOLD for every unit the order still holds (even past its hold, if nobody took it);
     * returns how many. Each sold row is locked by the update, so the count is what the order
     * really owns: a unit a concurrent claim took is skipped, and the caller must not confirm
     * the order unless the count covers it.
     */
    public int sell(Handle handle, UUID orderId) {
        return handle.createUpdate("""
                        update inventory_unit set state = 'SOLD', hold_expires_at = null
                         where order_id = :order and state = 'HELD'
                        """)
                .bind("order", orderId).execute();
    }

    /**
     * Gives back every unit the order holds or bought, then trims types whose capacity was cut
     * meanwhile. Returns the ticket types touched.
     */
    public Set<UUID> release(Handle handle, UUID orderId) {
        List<UUID> types = handle.createQuery("""
                        update inventory_unit set state = 'FREE', order_id = null, hold_expires_at = null
                         where order_id = :order
                        returning ticket_type_id
                        """)
                .bind("order", orderId).mapTo(UUID.class).list();
        Set<UUID> touched = new LinkedHashSet<>(types);
        touched.forEach(type -> capacity.trimExcess(handle, type));
        return touched;
    }
}
