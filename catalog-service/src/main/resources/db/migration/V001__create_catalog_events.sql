-- Catalog events and their ticket types. An event starts as DRAFT, becomes PUBLISHED (public,
-- on catalog.event.v1) and may end CANCELLED. `version` grows by one on every change and is the
-- snapshot version other services use to ignore stale messages.
create table catalog_event (
    id              uuid        primary key,
    slug            text        not null unique,
    name            text        not null,
    description     text        not null default '',
    venue_name      text        not null,
    venue_address   text        not null,
    venue_city      text        not null,
    venue_timezone  text        not null,
    starts_at       timestamptz not null,
    doors_open_at   timestamptz not null,
    sales_start_at  timestamptz not null,
    sales_end_at    timestamptz not null,
    venue_capacity  int         not null check (venue_capacity > 0),
    status          text        not null check (status in ('DRAFT', 'PUBLISHED', 'CANCELLED')),
    version         bigint      not null,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    published_at    timestamptz,
    cancelled_at    timestamptz
);

-- The public listing: published events by start time.
create index catalog_event_published_idx on catalog_event (starts_at, id) where status = 'PUBLISHED';

-- Ticket types keep their id across updates as long as their code stays (order-service and
-- ticketing key inventory and tickets by ticket type id).
create table ticket_type (
    id             uuid    primary key,
    event_id       uuid    not null references catalog_event (id) on delete cascade,
    code           text    not null,
    name           text    not null,
    price_minor    bigint  not null check (price_minor >= 0),
    currency       char(3) not null,
    capacity       int     not null check (capacity > 0),
    max_per_order  int     not null check (max_per_order >= 1),
    position       int     not null,
    unique (event_id, code)
);

-- The latest counts order-service reported on ordering.inventory.v1, per ticket type. Not keyed
-- to ticket_type by a foreign key: a count may arrive for a type catalog removed meanwhile.
create table ticket_type_inventory (
    ticket_type_id   uuid        primary key,
    catalog_event_id uuid        not null,
    capacity         int         not null,
    held             int         not null,
    sold             int         not null,
    available        int         not null,
    observed_at      timestamptz not null
);

create index ticket_type_inventory_event_idx on ticket_type_inventory (catalog_event_id);
