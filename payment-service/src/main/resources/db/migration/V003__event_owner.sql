-- Which organizer owns each catalog event, from catalog.event.v1 (organizerId never changes), so
-- the admin API shows a payment only to staff of the organizer whose event was paid for.
create table event_owner (
    catalog_event_id uuid        primary key,
    organizer_id     uuid        not null,
    recorded_at      timestamptz not null default now()
);
