-- The station-acceptance process (issue 19 §3): one acceptance per station and quarter, scored
-- against the sheet in force the day it opened; its entries (self-assessment, the township's score
-- with the reason of every deduction, veto, bonus tier), the county's corrections (append-only),
-- the township's quarterly statement (附件2, a snapshot of its rows) and the county's spot-check
-- sample (seeded by county and quarter, drawn once).
CREATE TABLE stations_acceptance (
  id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  station_id          BIGINT       NOT NULL,
  region_code         VARCHAR(12)  NOT NULL,
  township_code       VARCHAR(9)   NOT NULL,
  period              VARCHAR(8)   NOT NULL,
  sheet_id            BIGINT       NOT NULL,
  status              VARCHAR(16)  NOT NULL,
  process_instance_id VARCHAR(64)  NULL,
  self_score          DECIMAL(5,1) NULL,
  base_score          DECIMAL(5,1) NULL,
  bonus               DECIMAL(5,1) NULL,
  vetoed              BOOLEAN      NOT NULL DEFAULT FALSE,
  final_score         DECIMAL(5,1) NULL,
  passed              BOOLEAN      NULL,
  remarks             VARCHAR(500) NULL,
  opened_by           VARCHAR(64)  NOT NULL,
  opened_at           TIMESTAMP(6) NOT NULL,
  submitted_by        VARCHAR(64)  NULL,
  submitted_at        TIMESTAMP(6) NULL,
  scored_by           VARCHAR(64)  NULL,
  scored_at           TIMESTAMP(6) NULL,
  statement_id        BIGINT       NULL,
  sampled             BOOLEAN      NULL,
  checked_by          VARCHAR(64)  NULL,
  checked_at          TIMESTAMP(6) NULL,
  CONSTRAINT uq_stations_acceptance UNIQUE (station_id, period),
  CONSTRAINT fk_stations_acceptance_station FOREIGN KEY (station_id) REFERENCES stations_station (id),
  CONSTRAINT fk_stations_acceptance_sheet FOREIGN KEY (sheet_id) REFERENCES stations_sheet (id),
  CONSTRAINT ck_stations_acceptance_status CHECK (
    status IN ('SELF', 'SUBMITTED', 'SCORED', 'STATED', 'SAMPLED', 'FINAL'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_stations_acceptance_township ON stations_acceptance (township_code, period, status);

CREATE TABLE stations_entry (
  acceptance_id    BIGINT       NOT NULL,
  item_code        VARCHAR(8)   NOT NULL,
  self_points      DECIMAL(5,1) NULL,
  self_tier        INT          NULL,
  self_note        VARCHAR(500) NULL,
  points           DECIMAL(5,1) NULL,
  tier             INT          NULL,
  reason           VARCHAR(500) NULL,
  system_value     VARCHAR(255) NULL,
  system_points    DECIMAL(5,1) NULL,
  CONSTRAINT pk_stations_entry PRIMARY KEY (acceptance_id, item_code),
  CONSTRAINT fk_stations_entry_acceptance FOREIGN KEY (acceptance_id) REFERENCES stations_acceptance (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE stations_correction (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  acceptance_id BIGINT       NOT NULL,
  item_code     VARCHAR(8)   NOT NULL,
  old_points    DECIMAL(5,1) NULL,
  new_points    DECIMAL(5,1) NOT NULL,
  reason        VARCHAR(500) NOT NULL,
  corrected_by  VARCHAR(64)  NOT NULL,
  corrected_at  TIMESTAMP(6) NOT NULL,
  CONSTRAINT fk_stations_correction_acceptance FOREIGN KEY (acceptance_id) REFERENCES stations_acceptance (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- When each quarter's statement may be sent and when it is due (month-day; a due day that is no
-- working day moves to the next working day on the clocks calendar).
CREATE TABLE stations_statement_window (
  region_prefix VARCHAR(6) NOT NULL,
  quarter       INT        NOT NULL,
  opens_month   INT        NOT NULL,
  opens_day     INT        NOT NULL,
  due_month     INT        NOT NULL,
  due_day       INT        NOT NULL,
  CONSTRAINT pk_stations_window PRIMARY KEY (region_prefix, quarter)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO stations_statement_window (region_prefix, quarter, opens_month, opens_day, due_month, due_day) VALUES
  ('', 1, 4, 1, 4, 30),
  ('', 2, 6, 1, 6, 30),
  ('', 3, 9, 1, 9, 30),
  ('', 4, 12, 1, 12, 31);

CREATE TABLE stations_statement (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  township_code VARCHAR(9)   NOT NULL,
  period        VARCHAR(8)   NOT NULL,
  due_on        DATE         NOT NULL,
  sent_by       VARCHAR(64)  NOT NULL,
  sent_at       TIMESTAMP(6) NOT NULL,
  late          BOOLEAN      NOT NULL,
  CONSTRAINT uq_stations_statement UNIQUE (township_code, period)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 附件2 as sent: station, score, contact, phone, remarks.
CREATE TABLE stations_statement_row (
  statement_id  BIGINT       NOT NULL,
  line_no       INT          NOT NULL,
  acceptance_id BIGINT       NULL,
  station_name  VARCHAR(128) NOT NULL,
  score         DECIMAL(5,1) NULL,
  passed        BOOLEAN      NULL,
  contact_name  VARCHAR(64)  NULL,
  phone         VARCHAR(32)  NULL,
  remarks       VARCHAR(500) NULL,
  CONSTRAINT pk_stations_statement_row PRIMARY KEY (statement_id, line_no),
  CONSTRAINT fk_stations_statement_row FOREIGN KEY (statement_id) REFERENCES stations_statement (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE stations_spot_check (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  county_code VARCHAR(6)    NOT NULL,
  period      VARCHAR(8)    NOT NULL,
  seed        BIGINT        NOT NULL,
  sample_rate DECIMAL(4,2)  NOT NULL,
  population  INT           NOT NULL,
  sample      VARCHAR(2000) NOT NULL,
  drawn_by    VARCHAR(64)   NOT NULL,
  drawn_at    TIMESTAMP(6)  NOT NULL,
  CONSTRAINT uq_stations_spot_check UNIQUE (county_code, period)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Targets as data (issue 19 §4): a township's share of its stations up to standard by quarter, and a
-- county's yearly share of excellent townships and villages (seed 003: year 1, 2, 3 of the plan).
CREATE TABLE stations_target (
  region_prefix VARCHAR(6)   NOT NULL,
  kind          VARCHAR(24)  NOT NULL,
  period_no     INT          NOT NULL,
  percent       DECIMAL(5,1) NOT NULL,
  valid_from    DATE         NOT NULL,
  label         VARCHAR(64)  NOT NULL,
  CONSTRAINT pk_stations_target PRIMARY KEY (region_prefix, kind, period_no, valid_from),
  CONSTRAINT ck_stations_target_kind CHECK (
    kind IN ('TOWNSHIP_QUARTER', 'EXCELLENT_TOWNSHIP', 'EXCELLENT_VILLAGE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO stations_target (region_prefix, kind, period_no, percent, valid_from, label) VALUES
  ('', 'TOWNSHIP_QUARTER', 1, 25.0, '2025-01-01', '第一季度末达标村站占比'),
  ('', 'TOWNSHIP_QUARTER', 2, 50.0, '2025-01-01', '第二季度末达标村站占比'),
  ('', 'TOWNSHIP_QUARTER', 3, 75.0, '2025-01-01', '第三季度末达标村站占比'),
  ('', 'TOWNSHIP_QUARTER', 4, 100.0, '2025-01-01', '第四季度末达标村站占比'),
  ('', 'EXCELLENT_TOWNSHIP', 1, 40.0, '2025-01-01', '第一年优秀乡镇站占比'),
  ('', 'EXCELLENT_TOWNSHIP', 2, 30.0, '2025-01-01', '第二年优秀乡镇站占比'),
  ('', 'EXCELLENT_TOWNSHIP', 3, 20.0, '2025-01-01', '第三年优秀乡镇站占比'),
  ('', 'EXCELLENT_VILLAGE', 1, 5.0, '2025-01-01', '第一年优秀村站占比'),
  ('', 'EXCELLENT_VILLAGE', 2, 10.0, '2025-01-01', '第二年优秀村站占比'),
  ('', 'EXCELLENT_VILLAGE', 3, 15.0, '2025-01-01', '第三年优秀村站占比');

-- Evidence per item of a self-assessment is an attachment owned by the entry.
ALTER TABLE attachment DROP CONSTRAINT ck_attachment_owner;
ALTER TABLE attachment
  ADD CONSTRAINT ck_attachment_owner CHECK (owner_type IN ('CASE', 'VISIT', 'STATION_ITEM'));
