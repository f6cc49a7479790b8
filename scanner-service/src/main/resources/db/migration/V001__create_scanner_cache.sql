-- The scanner's own copy of what it needs at the door, fed from Kafka: signing keys, events
-- (doors and status) and tickets. The door never calls another service.

create table signing_key (
    key_id       text        primary key,
    algorithm    text        not null,            -- Ed25519 | HmacSHA256
    public_key   text,                            -- base64; null for HMAC keys (secrets are never published)
    status       text        not null,            -- ACTIVE | RETIRED (both still verify)
    activated_at timestamptz,
    retired_at   timestamptz,
    updated_at   timestamptz not null default now()
);

create table scannable_event (
    catalog_event_id uuid        primary key,
    name             text        not null,
    starts_at        timestamptz not null,
    doors_open_at    timestamptz,
    status           text        not null,         -- DRAFT | PUBLISHED | CANCELLED
    venue_capacity   int         not null,
    version          bigint      not null,
    ticket_types     jsonb       not null default '[]'::jsonb,  -- [{ticketTypeId, code, name, capacity}]
    updated_at       timestamptz not null default now()
);

-- Bumped on every change of a ticket row: the offline bundle's version is the highest value
-- among an event's tickets. Not indexed, so check-in updates stay HOT.
create sequence ticket_change_seq;

create table ticket (
    ticket_id          uuid        primary key,
    catalog_event_id   uuid        not null,
    order_id           uuid,
    ticket_type_id     uuid,
    ticket_type_name   text,
    ticket_number      text,
    holder_name        text,
    issued             boolean     not null default false,  -- false: first seen at the door, before TicketsIssued
    status             text        not null default 'VALID', -- VALID | REVOKED
    revoked_at         timestamptz,
    revoked_reason     text,
    checked_in_at      timestamptz,
    checked_in_gate    text,
    checked_in_device  text,
    checked_in_scan_id uuid,
    checked_in_offline boolean     not null default false,
    change_seq         bigint      not null default nextval('ticket_change_seq')
);

create index ticket_event_idx on ticket (catalog_event_id);
