-- Tamper-evident audit log. Append-only: the app has no update or delete path; in production the
-- app's database user should have only SELECT and INSERT on audit_entry.
-- Every entry carries the hash of the previous entry of the same case (case_prev_hash) and of the
-- previous entry overall (prev_hash); hash = SHA-256 over both and the canonical fields, so an
-- edited, deleted or inserted row breaks the chain at that point.
CREATE TABLE audit_entry (
  id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  source_key     VARCHAR(160)  NOT NULL,
  kind           VARCHAR(32)   NOT NULL,
  case_number    VARCHAR(32)   NULL,
  region_code    VARCHAR(12)   NULL,
  at             TIMESTAMP(6)  NOT NULL,
  actor          VARCHAR(64)   NULL,
  actor_role     VARCHAR(32)   NULL,
  action         VARCHAR(200)  NOT NULL,
  outcome        VARCHAR(200)  NULL,
  reason         VARCHAR(2000) NULL,
  recorded_at    TIMESTAMP(6)  NOT NULL,
  case_prev_hash VARCHAR(64)      NULL,
  prev_hash      VARCHAR(64)      NOT NULL,
  hash           VARCHAR(64)      NOT NULL,
  CONSTRAINT uq_audit_source UNIQUE (source_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_audit_case ON audit_entry (case_number, id);
CREATE INDEX ix_audit_actor ON audit_entry (actor, id);
CREATE INDEX ix_audit_kind ON audit_entry (kind, at);

-- The chain's head: one row, locked while an entry is appended, so entries chain one after another
-- and a deleted last entry is detectable too.
CREATE TABLE audit_chain_head (
  id        INT      NOT NULL PRIMARY KEY,
  last_id   BIGINT   NOT NULL,
  last_hash VARCHAR(64) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO audit_chain_head (id, last_id, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
