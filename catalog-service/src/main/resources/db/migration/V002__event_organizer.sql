-- Events belong to an organizer (identity-service's organizer id). Events created before owners
-- existed have none: only platform admins see them until one is set.
alter table catalog_event add column organizer_id uuid;

create index catalog_event_organizer_idx on catalog_event (organizer_id, starts_at, id);
