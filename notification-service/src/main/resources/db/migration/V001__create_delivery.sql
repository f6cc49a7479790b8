-- One row per message the buyer should get: per order, kind (TICKETS, ORDER_EXPIRED, REFUND,
-- LATE_PAYMENT_REFUNDED) and channel (EMAIL, SMS). The unique constraint is what makes a
-- redelivered or repeated event harmless: the second insert does nothing, so nothing is sent twice.
-- The Kafka consumer only inserts rows; DeliveryDispatcher claims due rows (FOR UPDATE SKIP
-- LOCKED), marks them SENDING and commits before it calls the provider.
create table delivery (
    id                uuid        primary key,
    order_id          uuid        not null,
    kind              text        not null,
    channel           text        not null,
    recipient         text        not null,
    status            text        not null default 'PENDING',
    attempts          int         not null default 0,      -- attempts in the current round (reset by a resend)
    resends           int         not null default 0,      -- admin resends so far; part of the Message-ID
    next_attempt_at   timestamptz not null default clock_timestamp(),  -- when due; for SENDING: when the claim lapses
    source_event_id   uuid        not null,
    source_event_type text        not null,
    payload           jsonb       not null,                -- the event that asked for it, rendered at send time
    last_error        text,
    provider_id       text,                                -- SMTP Message-ID or Twilio message sid
    created_at        timestamptz not null default clock_timestamp(),
    updated_at        timestamptz not null default clock_timestamp(),
    sent_at           timestamptz,
    constraint delivery_once unique (order_id, kind, channel),
    constraint delivery_kind_check check (kind in ('TICKETS', 'ORDER_EXPIRED', 'REFUND', 'LATE_PAYMENT_REFUNDED')),
    constraint delivery_channel_check check (channel in ('EMAIL', 'SMS')),
    constraint delivery_status_check check (status in ('PENDING', 'SENDING', 'RETRYING', 'SENT', 'FAILED', 'SKIPPED'))
);

-- What the dispatcher scans: rows waiting (or whose SENDING claim lapsed), soonest first.
create index delivery_due_idx on delivery (next_attempt_at) where status in ('PENDING', 'RETRYING', 'SENDING');

-- Every call to a provider and how it ended, for the admin view and post-mortems.
create table delivery_attempt (
    id           bigint      generated always as identity primary key,
    delivery_id  uuid        not null references delivery (id),
    attempt      int         not null,
    started_at   timestamptz not null,
    finished_at  timestamptz not null default clock_timestamp(),
    outcome      text        not null,                     -- SENT, RETRYING, FAILED, SKIPPED
    detail       text
);

create index delivery_attempt_delivery_idx on delivery_attempt (delivery_id, id);
