-- Door scans are attributed to the verified token: the staff member (token subject) next to the
-- device (token device_id). Scans logged before this have no staff member.
alter table scan_log add column staff_subject text;

-- Which organizer owns each event (catalog.event.v1's organizerId): a door token admits only at
-- its own organizer's events; boards and bundles are that organizer's. Null for snapshots from
-- before events had owners (platform admins only).
alter table scannable_event add column organizer_id uuid;
