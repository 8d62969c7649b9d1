-- Failed logins per canonical user name ("user:<nfkc, trimmed, lower-case>") and per client address
-- ("addr:<ip>"), kept in the database so a restart (or a second node) does not clear a lock.
CREATE TABLE security_login_failure (
  throttle_key VARCHAR(200) NOT NULL PRIMARY KEY,
  failures     INT          NOT NULL,
  last_failure TIMESTAMP(6) NOT NULL,
  locked_until TIMESTAMP(6) NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
