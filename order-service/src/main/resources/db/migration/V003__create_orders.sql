create table orders (
    id                uuid        primary key,
    idempotency_key   text        not null,
    request_hash      text        not null,
    catalog_event_id  uuid        not null references catalog_event (id),
    status            text        not null check (status in ('AWAITING_PAYMENT', 'CONFIRMED', 'EXPIRED', 'CANCELLED',
                                                             'REJECTED', 'REFUND_REQUESTED', 'REFUNDED')),
    lines             jsonb       not null,           -- [{ticketTypeId, code, name, quantity, unitPriceMinor}]
    total_minor       bigint      not null check (total_minor >= 0),
    currency          text        not null,
    customer_email    text        not null,
    customer_name     text        not null,
    customer_phone    text,
    hold_expires_at   timestamptz,
    checkout_url      text,
    checkout_session_id text,
    payment_intent_id text,
    paid_minor        bigint,
    flagged_reason    text,
    status_reason     text,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    -- Repeated POSTs with one Idempotency-Key, even concurrent ones, make one order.
    constraint orders_idempotency_key_uq unique (idempotency_key)
);

-- The sweeper's work list: unpaid orders by hold expiry.
create index orders_awaiting_expiry_idx on orders (hold_expires_at) where status = 'AWAITING_PAYMENT';
create index orders_event_idx on orders (catalog_event_id);
