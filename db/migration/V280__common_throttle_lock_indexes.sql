-- The persistent throttles (common/PersistentThrottle) read the running locks every second
-- (locked_until > now) and prune expired locks and stale counts once a minute: one index each, so
-- neither scans the counts of every key seen in the last lock period.
CREATE INDEX ix_security_login_failure_lock ON security_login_failure (locked_until, last_failure);
CREATE INDEX ix_citizen_lookup_throttle_lock ON citizen_lookup_throttle (locked_until, last_failure);
