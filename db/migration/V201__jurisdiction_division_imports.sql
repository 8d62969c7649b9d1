-- Reports of the county's division and station code imports (区划与服务站代码表): every dry run
-- and import with file, checksum, county, mode, outcome, counts, the bad rows (JSON, at most 1,000)
-- and who ran it (from the login).
CREATE TABLE jurisdiction_import (
  id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  file_name         VARCHAR(255)  NOT NULL,
  sha256            CHAR(64)      NOT NULL,
  county_code       VARCHAR(6)    NOT NULL,
  mode              VARCHAR(8)    NOT NULL,
  outcome           VARCHAR(10)   NOT NULL,
  rows_read         INT           NOT NULL,
  bad_rows          INT           NOT NULL,
  regions_created   INT           NOT NULL,
  regions_existing  INT           NOT NULL,
  stations_created  INT           NOT NULL,
  stations_existing INT           NOT NULL,
  problems          LONGTEXT      NOT NULL,
  imported_by       VARCHAR(64)   NOT NULL,
  started_at        TIMESTAMP(6)  NOT NULL,
  finished_at       TIMESTAMP(6)  NOT NULL,
  CONSTRAINT ck_jurisdiction_import_mode CHECK (mode IN ('DRY_RUN', 'IMPORT')),
  CONSTRAINT ck_jurisdiction_import_outcome CHECK (outcome IN ('CLEAN', 'REJECTED', 'IMPORTED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_jurisdiction_import_county ON jurisdiction_import (county_code, id);
