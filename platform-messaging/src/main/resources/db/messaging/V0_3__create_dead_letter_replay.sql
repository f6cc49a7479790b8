-- Dead letters this service replayed (a Kafka topic cannot be edited, so the mark lives here).
create table dead_letter_replay (
    dlt_topic     text        not null,
    dlt_partition int         not null,
    dlt_offset    bigint      not null,
    event_id      text,
    replayed_at   timestamptz not null default clock_timestamp(),
    replays       int         not null default 1,
    primary key (dlt_topic, dlt_partition, dlt_offset)
);
