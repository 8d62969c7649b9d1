-- The logged-in sessions of staff, shared by every node (security/internal/StaffSessionStore): a role
-- change, a disabled account or a password reset on one node ends the person's sessions on all nodes,
-- and "at most N sessions per person" counts the sessions of all nodes. The session id is a bearer
-- secret, so only its SHA-256 is kept. Rows of ended sessions are deleted when the container ends
-- them; rows a crashed node left behind are pruned after the idle timeout. Times are epoch
-- milliseconds: the per-person limit ends the least recently used session, and logins a few
-- milliseconds apart must not tie (Connector/J sends whole seconds to MariaDB).
CREATE TABLE security_staff_session (
  session_key   CHAR(64)     NOT NULL PRIMARY KEY,
  username      VARCHAR(64)  NOT NULL,
  role_at_login VARCHAR(40)  NOT NULL,
  created_at    BIGINT       NOT NULL,
  last_request  BIGINT       NOT NULL,
  ended_at      BIGINT       NULL,
  ended_reason  VARCHAR(40)  NULL,
  KEY ix_security_staff_session_user (username, ended_at, last_request),
  KEY ix_security_staff_session_last (last_request)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
