-- Money paid back so far (partial refunds keep the order and its tickets) and the payment's dispute.
alter table orders add column refunded_minor bigint not null default 0 check (refunded_minor >= 0);
alter table orders add column dispute_status text;      -- Stripe's dispute status, e.g. needs_response, won, lost
alter table orders add column dispute_reason text;

-- The event cancellation saga: one row per cancelled event (started once, however often
-- EventCancelled arrives) and one per order it has to settle. State lives here, moved by events,
-- so the saga resumes after any crash and its progress can be read at any time.
create table event_cancellation (
    catalog_event_id uuid        primary key references catalog_event (id),
    started_at       timestamptz not null default now()
);

create table event_cancellation_order (
    order_id         uuid        primary key references orders (id),
    catalog_event_id uuid        not null references event_cancellation (catalog_event_id),
    state            text        not null check (state in ('HOLD_RELEASED', 'REFUND_REQUESTED', 'REFUNDED', 'FAILED')),
    detail           text,
    updated_at       timestamptz not null default now()
);

create index event_cancellation_order_event_idx on event_cancellation_order (catalog_event_id, state);
