-- Emails to staff from identity.staff.v1 (invitations, password resets): one row per event, so a
-- redelivered event sends nothing new. The body (with its single-use link) is rendered when the
-- event arrives; a sent row keeps only its status, the body is cleared.
create table staff_email (
    event_id     uuid        primary key,
    kind         text        not null check (kind in ('STAFF_INVITATION', 'PASSWORD_RESET')),
    recipient    text        not null,
    subject      text        not null,
    text_body    text,
    html_body    text,
    status       text        not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts     int         not null default 0,
    next_attempt_at timestamptz not null default clock_timestamp(),
    last_error   text,
    created_at   timestamptz not null default clock_timestamp(),
    sent_at      timestamptz
);

create index staff_email_due_idx on staff_email (next_attempt_at) where status = 'PENDING';
