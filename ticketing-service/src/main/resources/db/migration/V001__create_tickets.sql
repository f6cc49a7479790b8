-- QR signing keys. One ACTIVE key signs new tickets; RETIRED keys keep verifying what they signed.
-- Ed25519 private keys are generated here at first start and stored in this schema (see
-- docs/services/ticketing-service.md for the trade-off); HMAC keys store no secret: theirs is
-- derived from TICKET_HMAC_SECRET and the key id.
create table signing_keys (
    key_id       text        primary key check (key_id ~ '^[0-9a-f]{8}$'),
    algorithm    text        not null check (algorithm in ('Ed25519', 'HmacSHA256')),
    private_key  bytea,
    public_key   bytea,
    status       text        not null check (status in ('ACTIVE', 'RETIRED')),
    activated_at timestamptz not null,
    retired_at   timestamptz,
    check ((algorithm = 'Ed25519') = (private_key is not null and public_key is not null))
);

-- At most one key signs at a time.
create unique index signing_keys_one_active on signing_keys ((true)) where status = 'ACTIVE';

-- One row per order whose tickets were issued: the insert that wins is the one issuance, whatever
-- the redelivery or concurrency (a different OrderConfirmed eventId for the same order included).
create table ticket_orders (
    order_id         uuid        primary key,
    catalog_event_id uuid        not null,
    event_name       text        not null,
    venue_name       text,
    event_starts_at  timestamptz not null,
    customer_email   text        not null,
    customer_name    text,
    customer_phone   text,
    confirmed_by     uuid        not null,  -- the OrderConfirmed eventId that issued them
    issued_at        timestamptz not null
);

create table tickets (
    ticket_id        uuid        primary key,
    order_id         uuid        not null references ticket_orders (order_id),
    line_index       int         not null check (line_index >= 0),
    unit_index       int         not null check (unit_index >= 0),
    ticket_number    text        not null unique,
    catalog_event_id uuid        not null,
    ticket_type_id   uuid        not null,
    ticket_type_code text,
    ticket_type_name text        not null,
    holder_name      text        not null,
    holder_email     text        not null,
    price_minor      bigint      not null check (price_minor >= 0),
    currency         char(3)     not null,
    qr_token         text        not null check (length(qr_token) <= 150),
    key_id           text        not null references signing_keys (key_id),
    status           text        not null default 'ISSUED' check (status in ('ISSUED', 'REVOKED')),
    issued_at        timestamptz not null,
    revoked_at       timestamptz,
    revoke_reason    text,
    unique (order_id, line_index, unit_index)
);

create index tickets_order_idx on tickets (order_id);
