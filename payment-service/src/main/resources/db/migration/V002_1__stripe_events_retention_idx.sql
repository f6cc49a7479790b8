-- What the retention job scans: applied webhooks by age (StoredWebhookRetention).
create index stripe_events_received_idx on stripe_events (received_at) where processed_at is not null;
