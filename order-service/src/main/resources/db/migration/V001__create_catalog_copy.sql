-- Ordering's own copy of what it sells, rebuilt from catalog.event.v1 snapshots (newest version wins).
create table catalog_event (
    id             uuid        primary key,
    name           text        not null,
    venue_name     text,
    starts_at      timestamptz,
    sales_start_at timestamptz,
    sales_end_at   timestamptz,
    status         text        not null,          -- DRAFT | PUBLISHED | CANCELLED
    version        bigint      not null,
    updated_at     timestamptz not null default now()
);

-- capacity is what catalog wants sold in total; unit_count is how many inventory_unit rows exist.
-- They differ only briefly, while a capacity cut waits for held units to be released.
create table ticket_type (
    id              uuid    primary key,
    catalog_event_id uuid   not null references catalog_event (id),
    code            text    not null,
    name            text    not null,
    price_minor     bigint  not null check (price_minor >= 0),
    currency        text    not null,
    capacity        int     not null check (capacity >= 0),
    unit_count      int     not null default 0 check (unit_count >= 0),
    max_per_order   int     not null check (max_per_order >= 1),
    active          boolean not null default true,
    position        int     not null default 0
);

create index ticket_type_event_idx on ticket_type (catalog_event_id);
