-- 信息采集表 imports: one report per dry run or import, who ran it, what it found and did.
CREATE TABLE registry_import (
  id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  file_name        VARCHAR(255) NOT NULL,
  file_sha256      CHAR(64)     NOT NULL,
  region_code      VARCHAR(12)  NOT NULL,
  mode             VARCHAR(16)  NOT NULL,
  outcome          VARCHAR(16)  NOT NULL,
  rows_read        INT          NOT NULL,
  bad_rows         INT          NOT NULL,
  persons_created  INT          NOT NULL,
  persons_existing INT          NOT NULL,
  statuses_recorded INT         NOT NULL,
  households_linked INT         NOT NULL,
  problems         MEDIUMTEXT   NULL,
  imported_by      VARCHAR(64)  NOT NULL,
  started_at       TIMESTAMP(6) NOT NULL,
  finished_at      TIMESTAMP(6) NOT NULL,
  CONSTRAINT ck_import_mode CHECK (mode IN ('DRY_RUN', 'IMPORT')),
  CONSTRAINT ck_import_outcome CHECK (outcome IN ('CLEAN', 'REJECTED', 'IMPORTED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_import_region ON registry_import (region_code, id);
