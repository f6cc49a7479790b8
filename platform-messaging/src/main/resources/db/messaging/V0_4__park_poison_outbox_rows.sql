-- A row Kafka refuses for good (too large, invalid) is parked after the relay's max attempts:
-- the relay skips it, holds back the later rows of its aggregate (to keep their order) and goes
-- on with every other aggregate. An operator retries or discards it (/api/admin/outbox/parked).
alter table outbox add column parked_at timestamptz;

create index outbox_parked_idx on outbox (aggregateid) where parked_at is not null;
