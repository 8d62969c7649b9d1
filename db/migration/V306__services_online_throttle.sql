-- Online service requests per client address ("addr:<ip>"), kept in the database like the login and
-- lookup throttles (common/PersistentThrottle), so a restart or a second node does not clear a lock.
CREATE TABLE services_online_throttle (
  throttle_key VARCHAR(120) NOT NULL PRIMARY KEY,
  failures     INT          NOT NULL,
  last_failure TIMESTAMP(6) NOT NULL,
  locked_until TIMESTAMP(6) NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_services_online_throttle_lock ON services_online_throttle (locked_until, last_failure);
