-- Every scan, accepted or not, online or uploaded from an offline device.
create table scan_log (
    scan_id          uuid        primary key,
    catalog_event_id uuid        not null,          -- the event the device was scanning for
    ticket_id        uuid,                          -- null when the signature did not verify
    gate             text        not null,
    device_id        text        not null,
    verdict          text        not null,          -- ACCEPTED | REJECTED
    reason           text,                          -- null when accepted
    scanned_at       timestamptz not null,          -- device time for offline scans
    recorded_at      timestamptz not null default now(),
    offline          boolean     not null default false,
    nonce            text,                          -- offline uploads: (device_id, nonce) makes re-uploads idempotent
    conflict         boolean     not null default false  -- offline: the ticket was admitted by another scan too
);

create index scan_log_event_idx on scan_log (catalog_event_id);
create unique index scan_log_device_nonce_idx on scan_log (device_id, nonce) where nonce is not null;

-- Supervisor reversals of a check-in: who, why, and what was undone.
create table check_in_undo (
    undo_id            uuid        primary key,
    ticket_id          uuid        not null,
    catalog_event_id   uuid        not null,
    undone_by          text        not null,
    reason             text        not null,
    undone_at          timestamptz not null,
    checked_in_at      timestamptz not null,
    checked_in_gate    text,
    checked_in_device  text,
    checked_in_scan_id uuid
);

create index check_in_undo_ticket_idx on check_in_undo (ticket_id);
