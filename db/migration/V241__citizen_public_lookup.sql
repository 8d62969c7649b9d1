-- The public self-service lookup (/public/lookup, no login).
-- Failed lookups per case number typed ("num:<normalised>") and per client address ("addr:<ip>"),
-- kept in the database like security_login_failure, so a restart or a second node does not clear
-- a lock.
CREATE TABLE citizen_lookup_throttle (
  throttle_key VARCHAR(120) NOT NULL PRIMARY KEY,
  failures     INT          NOT NULL,
  last_failure TIMESTAMP(6) NOT NULL,
  locked_until TIMESTAMP(6) NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Every lookup is counted here per window, client address and outcome (FOUND, NOT_MATCHED,
-- THROTTLED, INVALID): rows per address and window are bounded by the outcomes, so guessing traffic
-- cannot grow it beyond the addresses it comes from; old windows are pruned. The tamper-evident
-- audit log gets the found lookups (one per case and window), the first refusals per address and
-- window (bounded in all), and one totals entry per closed window (summarised_at set once).
CREATE TABLE citizen_lookup_tally (
  window_start TIMESTAMP(6) NOT NULL,
  address      VARCHAR(100) NOT NULL,
  outcome      VARCHAR(16)  NOT NULL,
  lookups      INT          NOT NULL,
  PRIMARY KEY (window_start, address, outcome),
  CONSTRAINT ck_lookup_outcome CHECK (outcome IN ('FOUND', 'NOT_MATCHED', 'THROTTLED', 'INVALID'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE citizen_lookup_window (
  window_start  TIMESTAMP(6) NOT NULL PRIMARY KEY,
  summarised_at TIMESTAMP(6) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
