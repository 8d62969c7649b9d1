-- The county legal-aid workstation's duty roster (值班表): which lawyer is on duty on which working
-- day (seed 002 §14: at least one working day a week). Rows are never deleted: a removal sets
-- removed_by/removed_at, so the roster's history stays; only one active row per county, day and
-- lawyer. Working days come from the clocks business calendar (checked when a duty is added).
CREATE TABLE legalaid_duty (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  county_code   VARCHAR(6)   NOT NULL,
  duty_date     DATE         NOT NULL,
  lawyer        VARCHAR(64)  NOT NULL,
  place         VARCHAR(200) NOT NULL,
  created_by    VARCHAR(64)  NOT NULL,
  created_at    TIMESTAMP(6) NOT NULL,
  removed_by    VARCHAR(64)  NULL,
  removed_at    TIMESTAMP(6) NULL,
  active_lawyer VARCHAR(64)  AS (IF(removed_at IS NULL, lawyer, NULL)) STORED,
  CONSTRAINT uq_legalaid_duty_active UNIQUE (county_code, duty_date, active_lawyer),
  CONSTRAINT fk_legalaid_duty_lawyer FOREIGN KEY (lawyer) REFERENCES legalaid_lawyer (username),
  CONSTRAINT ck_legalaid_duty_county CHECK (county_code REGEXP '^[0-9]{6}$')
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_legalaid_duty_county_date ON legalaid_duty (county_code, duty_date);

-- Which duty (day + lawyer) a consultation came from; NULL for one taken outside the roster (a
-- liaison point, a day without duty).
ALTER TABLE legalaid_consultation
  ADD COLUMN duty_id BIGINT NULL,
  ADD CONSTRAINT fk_legalaid_consultation_duty FOREIGN KEY (duty_id) REFERENCES legalaid_duty (id);
