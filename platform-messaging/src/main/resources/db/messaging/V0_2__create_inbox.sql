-- Idempotent inbox: a consumer records each eventId in the same transaction as its effect, so a
-- redelivered event is recognised and skipped (FTGO's received_messages).
create table inbox (
    consumer    text        not null,
    event_id    uuid        not null,
    topic       text        not null,
    event_type  text,
    received_at timestamptz not null default now(),
    primary key (consumer, event_id)
);

create index inbox_received_at_idx on inbox (received_at);
