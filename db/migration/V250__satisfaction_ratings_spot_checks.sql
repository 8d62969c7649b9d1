-- 满意度 for every case: one row per rating, keyed by the case number, with the channel it came
-- through (电话回访, 上门回访, 问卷, 随机抽查), who collected it and the case's region (the station
-- whose rate it counts for). source_key makes a step's write idempotent (activity instance, or
-- 'legacy' for the legal-aid surveys folded in below, or 'spot:<check id>' for a spot check).
CREATE TABLE satisfaction_rating (
  id                   BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_number          VARCHAR(32)   NOT NULL,
  case_type            VARCHAR(16)   NOT NULL,
  county_code          VARCHAR(6)    NOT NULL,
  township_code        VARCHAR(9)    NOT NULL,
  village_code         VARCHAR(12)   NULL,
  rating               VARCHAR(24)   NOT NULL,
  channel              VARCHAR(16)   NOT NULL,
  reason               VARCHAR(1000) NULL,
  collected_by         VARCHAR(64)   NOT NULL,
  collected_at         TIMESTAMP(6)  NOT NULL,
  source_key           VARCHAR(160)  NOT NULL,
  follow_up_instance   VARCHAR(64)   NULL,
  follow_up_note       VARCHAR(2000) NULL,
  followed_up_by       VARCHAR(64)   NULL,
  followed_up_at       TIMESTAMP(6)  NULL,
  CONSTRAINT uq_satisfaction_source UNIQUE (case_number, source_key),
  CONSTRAINT ck_satisfaction_rating CHECK (rating IN ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED')),
  CONSTRAINT ck_satisfaction_channel CHECK (channel IN ('PHONE', 'VISIT', 'QUESTIONNAIRE', 'SPOT_CHECK')),
  CONSTRAINT ck_satisfaction_reason CHECK (rating <> 'DISSATISFIED' OR (reason IS NOT NULL AND reason <> ''))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_satisfaction_region ON satisfaction_rating (county_code, collected_at, township_code);
CREATE INDEX ix_satisfaction_case ON satisfaction_rating (case_number);

-- The county's random spot checks (随机抽查): which cases were drawn for a county and period, with
-- the seed (county + period) that draws the same sample again.
CREATE TABLE satisfaction_spot_check (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  county_code VARCHAR(6)   NOT NULL,
  period_from DATE         NOT NULL,
  period_to   DATE         NOT NULL,
  seed        BIGINT       NOT NULL,
  sample_size INT          NOT NULL,
  population  INT          NOT NULL,
  drawn_by    VARCHAR(64)  NOT NULL,
  drawn_at    TIMESTAMP(6) NOT NULL,
  CONSTRAINT uq_spot_check UNIQUE (county_code, period_from, period_to)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE satisfaction_spot_check_case (
  spot_check_id BIGINT      NOT NULL,
  position      INT         NOT NULL,
  case_number   VARCHAR(32) NOT NULL,
  PRIMARY KEY (spot_check_id, position),
  CONSTRAINT fk_spot_check_case FOREIGN KEY (spot_check_id) REFERENCES satisfaction_spot_check (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The acceptance sheet's line (items 56-57): a station's rate of 满意 + 基本满意 of at least 90 %.
CREATE TABLE satisfaction_policy (
  region_code  VARCHAR(12)  NOT NULL PRIMARY KEY,
  target_pct   DECIMAL(5,2) NOT NULL,
  sample_pct   INT          NOT NULL,
  sample_min   INT          NOT NULL,
  CONSTRAINT ck_satisfaction_target CHECK (target_pct > 0 AND target_pct <= 100),
  CONSTRAINT ck_satisfaction_sample CHECK (sample_pct BETWEEN 1 AND 100 AND sample_min BETWEEN 1 AND 1000)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO satisfaction_policy (region_code, target_pct, sample_pct, sample_min) VALUES ('', 90.00, 10, 5);

-- Legal aid's own survey (legalaid_application.satisfaction) folds into the common model: every
-- rating recorded so far becomes a 电话回访 row collected by whoever completed the survey task.
INSERT INTO satisfaction_rating (case_number, case_type, county_code, township_code, village_code,
                                 rating, channel, reason, collected_by, collected_at, source_key)
SELECT a.case_number, c.case_type, c.county_code, c.township_code, c.village_code,
       a.satisfaction, 'PHONE',
       CASE WHEN a.satisfaction = 'DISSATISFIED' THEN '（原法律援助回访记录迁移，未记录原因）' END,
       COALESCE((SELECT h.actor FROM casefile_history h
                  WHERE h.case_id = c.id AND h.element_id = 'Task_SatisfactionSurvey'
                  ORDER BY h.id DESC LIMIT 1), 'system'),
       COALESCE(a.closed_at, c.closed_at, c.updated_at),
       'legacy'
  FROM legalaid_application a
  JOIN casefile_case c ON c.id = a.case_id
 WHERE a.satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED');

-- Reports (reports module) read cases by region and date.
CREATE INDEX ix_case_report_filed ON casefile_case (county_code, case_type, filed_at);
CREATE INDEX ix_case_report_closed ON casefile_case (county_code, case_type, closed_at);
CREATE INDEX ix_disbursement_report ON ledger_disbursement (programme, created_at, region_code);
