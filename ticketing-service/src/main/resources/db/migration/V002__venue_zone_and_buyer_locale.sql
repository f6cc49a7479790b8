-- What a ticket, its PDF and its calendar entry print about the venue, and the buyer's language.
-- Orders confirmed before these were sent: unknown address, UTC, English.
alter table ticket_orders
    add column venue_address  text,
    add column venue_city     text,
    add column venue_timezone text,
    add column locale         text not null default 'en';
