-- The inventory ledger: one row per sellable unit. Buyers claim free units with
-- FOR UPDATE SKIP LOCKED, so concurrent orders take different rows instead of queueing on one
-- counter row. A HELD unit whose hold_expires_at has passed counts as free at once: the claim
-- query takes it even before the sweeper has expired its order.
create table inventory_unit (
    ticket_type_id  uuid        not null references ticket_type (id),
    unit_no         int         not null,
    state           text        not null default 'FREE' check (state in ('FREE', 'HELD', 'SOLD')),
    order_id        uuid,
    hold_expires_at timestamptz,
    primary key (ticket_type_id, unit_no),
    check ((state = 'FREE') = (order_id is null)),
    check ((state = 'HELD') = (hold_expires_at is not null))
);

create index inventory_unit_order_idx on inventory_unit (order_id) where order_id is not null;
-- The two ways to find a claimable unit: free ones, and holds that ran out.
create index inventory_unit_free_idx on inventory_unit (ticket_type_id, unit_no) where state = 'FREE';
create index inventory_unit_hold_idx on inventory_unit (ticket_type_id, hold_expires_at) where state = 'HELD';

-- The counts last published on ordering.inventory.v1, so only real changes are published.
create table inventory_published (
    ticket_type_id uuid        primary key references ticket_type (id),
    capacity       int         not null,
    held           int         not null,
    sold           int         not null,
    available      int         not null,
    published_at   timestamptz not null default now()
);
