-- One payment per order: what we asked Stripe to charge and where the payment stands.
-- status follows io.taquilla.payment.attempt.domain.PaymentStatus and never moves backwards.
create table payment_attempts (
    order_id              uuid        primary key,
    catalog_event_id      uuid,
    amount_minor          bigint      not null check (amount_minor > 0),
    currency              text        not null,
    customer_email        text,
    lines                 jsonb       not null,
    hold_expires_at       timestamptz,
    -- Decided once when the order arrives, so a retried session creation sends identical
    -- parameters under the same idempotency key (Stripe rejects a key reused with other params).
    session_expires_at    timestamptz not null,
    status                text        not null,
    session_id            text        unique,
    checkout_url          text,
    payment_intent_id     text,
    received_amount_minor bigint,
    received_currency     text,
    created_at            timestamptz not null default clock_timestamp(),
    updated_at            timestamptz not null default clock_timestamp()
);
create index payment_attempts_payment_intent_idx on payment_attempts (payment_intent_id);

-- Work for the Stripe API, done outside any database transaction by StripeCallWorker. A row stays
-- until Stripe answered for good: an outage only pushes next_attempt_at back. The idempotency key
-- is derived from the order, so the same call enqueued twice is one row and one effect at Stripe.
create table stripe_calls (
    id              uuid        primary key,
    order_id        uuid        not null,
    operation       text        not null,
    idempotency_key text        not null unique,
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null default clock_timestamp(),
    locked_until    timestamptz,
    outcome         text,       -- null while pending; done | rejected | skipped
    last_error      text,
    created_at      timestamptz not null default clock_timestamp(),
    completed_at    timestamptz
);
create index stripe_calls_due_idx on stripe_calls (next_attempt_at) where outcome is null;
create index stripe_calls_order_idx on stripe_calls (order_id);

-- Every verified Stripe webhook, stored once by Stripe's event id before anything else happens;
-- WebhookProcessor applies it afterwards, so a crash after the 2xx loses nothing.
create table stripe_events (
    id                 text        primary key,
    type               text        not null,
    livemode           boolean     not null,
    order_id           uuid,
    payload            text        not null,   -- the raw body, exactly as signed
    received_at        timestamptz not null default clock_timestamp(),
    attempts           int         not null default 0,
    next_attempt_at    timestamptz not null default clock_timestamp(),
    processed_at       timestamptz,
    outcome            text,
    detail             text,
    published_event_id uuid,                   -- the outbox row it produced, if any
    latency_recorded   boolean     not null default false
);
create index stripe_events_pending_idx on stripe_events (next_attempt_at) where processed_at is null;
create index stripe_events_order_idx on stripe_events (order_id);
create index stripe_events_latency_idx on stripe_events (published_event_id)
    where published_event_id is not null and not latency_recorded;

-- One full refund per order, whoever asked (admin RefundRequested or automatic OrderRejected).
create table refunds (
    order_id          uuid        primary key,
    amount_minor      bigint      not null,
    currency          text        not null,
    payment_intent_id text,
    reason            text,
    automatic         boolean     not null,
    requested_by      uuid        not null,    -- eventId of the RefundRequested / OrderRejected
    status            text        not null,    -- requested | submitted | succeeded | rejected
    stripe_refund_id  text,
    last_error        text,
    requested_at      timestamptz not null default clock_timestamp(),
    submitted_at      timestamptz,
    confirmed_at      timestamptz
);
create index refunds_payment_intent_idx on refunds (payment_intent_id);

-- The built-in payment simulator's side of a checkout (what Stripe would hold), used only when
-- no STRIPE_SECRET_KEY is configured.
create table simulated_sessions (
    id                text        primary key,
    order_id          uuid        not null,
    amount_minor      bigint      not null,
    currency          text        not null,
    customer_email    text,
    success_url       text        not null,
    cancel_url        text        not null,
    payment_intent_id text        not null,
    status            text        not null,    -- open | complete | expired
    expires_at        timestamptz not null,
    created_at        timestamptz not null default clock_timestamp()
);
create index simulated_sessions_payment_intent_idx on simulated_sessions (payment_intent_id);
create unique index simulated_sessions_order_idx on simulated_sessions (order_id);
