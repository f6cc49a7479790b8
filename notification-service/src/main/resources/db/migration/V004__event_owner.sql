-- Which organizer owns each catalog event, from catalog.event.v1 (organizerId never changes), so
-- the admin API shows and resends a delivery only for staff of the organizer whose event it was
-- about. A delivery's event is the catalogEventId of the event payload it was made from.
create table event_owner (
    catalog_event_id uuid        primary key,
    organizer_id     uuid        not null,
    recorded_at      timestamptz not null default now()
);
