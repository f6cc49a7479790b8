-- Which organizer owns each event (from catalog.event.v1's organizerId), so admin routes show and
-- change an order only for staff of the organizer that sold it. Null for snapshots from before
-- events had owners: such orders are for platform admins only.
alter table catalog_event add column organizer_id uuid;
