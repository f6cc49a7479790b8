-- What messages print about the venue (address, and its time zone for local times) and the
-- language the buyer is written to in (en or es). Existing rows: unknown venue details, English.
alter table catalog_event
    add column venue_address  text,
    add column venue_city     text,
    add column venue_timezone text;

alter table orders
    add column locale text not null default 'en';
