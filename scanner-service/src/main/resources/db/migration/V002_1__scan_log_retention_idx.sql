-- What the retention job scans: scan log lines by age (ScanLogRetention).
create index scan_log_recorded_at_idx on scan_log (recorded_at);
