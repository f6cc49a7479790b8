-- Transactional outbox. Rows are written in the same transaction as the business change and
-- published to Kafka by OutboxRelay. Column names follow Debezium's outbox event router
-- (id, aggregatetype, aggregateid, type, payload) so CDC can replace the polling relay:
-- route with `route.by.field=topic` (the topic column holds the full topic name).
create table outbox (
    id            uuid        primary key,          -- the event's eventId
    seq           bigint      generated always as identity,
    topic         text        not null,
    aggregatetype text        not null,
    aggregateid   text        not null,             -- the Kafka key
    type          text        not null,             -- the eventType header
    payload       jsonb       not null,
    headers       jsonb       not null default '{}'::jsonb,
    created_at    timestamptz not null default clock_timestamp(),
    published_at  timestamptz,
    attempts      int         not null default 0,
    last_error    text
);

-- What the relay scans: the unpublished rows, oldest first, and per aggregate.
create index outbox_unpublished_idx on outbox (seq) where published_at is null;
create index outbox_unpublished_aggregate_idx on outbox (aggregateid, seq) where published_at is null;
create index outbox_published_at_idx on outbox (published_at) where published_at is not null;

-- Wake relays the moment a row commits (NOTIFY is delivered on commit), instead of polling.
create function outbox_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('outbox_' || tg_table_schema, '');
    return null;
end $$;

create trigger outbox_notify after insert on outbox
    for each statement execute function outbox_notify();
