-- The newsletter audience, double opt-in: PENDING until the link in the confirmation mail is
-- opened, CONFIRMED after, UNSUBSCRIBED when a mailing's unsubscribe link is used. One row per
-- address (case-insensitive); subscribing again after unsubscribing asks for confirmation again.
create table newsletter_subscribers (
    id              uuid        primary key,
    email           text        not null,
    locale          text        not null default 'en',
    status          text        not null default 'PENDING',
    created_at      timestamptz not null default clock_timestamp(),
    updated_at      timestamptz not null default clock_timestamp(),
    confirmed_at    timestamptz,
    unsubscribed_at timestamptz,
    constraint newsletter_status_check check (status in ('PENDING', 'CONFIRMED', 'UNSUBSCRIBED'))
);

create unique index newsletter_subscribers_email_uq on newsletter_subscribers (lower(email));

-- Links mailed to subscribers carry a random token; only its SHA-256 is stored, so a copy of this
-- table confirms or unsubscribes nobody. Confirmation tokens expire; unsubscribe tokens do not
-- (a link in an old mailing must keep working).
create table newsletter_tokens (
    token_hash    bytea       primary key,
    subscriber_id uuid        not null references newsletter_subscribers (id),
    purpose       text        not null check (purpose in ('CONFIRM', 'UNSUBSCRIBE')),
    expires_at    timestamptz,
    used_at       timestamptz,
    created_at    timestamptz not null default clock_timestamp()
);

create index newsletter_tokens_subscriber_idx on newsletter_tokens (subscriber_id);

-- Mails anyone may ask us to send to an address (ticket resends, newsletter confirmations) are
-- limited per address and purpose within a window; the address is kept only as a SHA-256.
create table mail_request_window (
    purpose      text        not null,
    email_hash   bytea       not null,
    window_start timestamptz not null,
    requests     int         not null,
    primary key (purpose, email_hash)
);

-- "Resend my tickets": the tickets emails sent to one address.
create index delivery_ticket_emails_by_recipient_idx on delivery (lower(recipient))
    where kind = 'TICKETS' and channel = 'EMAIL';
