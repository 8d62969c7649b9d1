-- What every case shares. The case number is the process instance's correlation key.
CREATE TABLE casefile_case (
  id                   BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_number          VARCHAR(32)  NOT NULL,
  case_type            VARCHAR(16)  NOT NULL,
  county_code          VARCHAR(12)  NOT NULL,
  township_code        VARCHAR(12)  NOT NULL,
  village_code         VARCHAR(12)  NULL,
  applicant_person_id  BIGINT       NOT NULL,
  title                VARCHAR(200) NOT NULL,
  status               VARCHAR(32)  NOT NULL,
  stage                VARCHAR(64)  NULL,
  stage_due_at         TIMESTAMP(6) NULL,
  assigned_officer     VARCHAR(64)  NULL,
  filed_by             VARCHAR(64)  NOT NULL,
  process_instance_key BIGINT       NULL,
  filed_at             TIMESTAMP(6) NOT NULL,
  updated_at           TIMESTAMP(6) NOT NULL,
  closed_at            TIMESTAMP(6) NULL,
  version              BIGINT       NOT NULL DEFAULT 0,
  CONSTRAINT uq_case_number UNIQUE (case_number),
  CONSTRAINT fk_case_applicant FOREIGN KEY (applicant_person_id) REFERENCES registry_person (id),
  CONSTRAINT fk_case_township FOREIGN KEY (township_code) REFERENCES jurisdiction_region (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_case_applicant ON casefile_case (applicant_person_id, case_type, filed_at);
CREATE INDEX ix_case_region_status ON casefile_case (county_code, township_code, status);

-- Case number sequence per (type, county, year): BF-350502-2026-000001.
CREATE TABLE casefile_sequence (
  case_type   VARCHAR(16) NOT NULL,
  county_code VARCHAR(12) NOT NULL,
  year        INT         NOT NULL,
  last_value  INT         NOT NULL,
  PRIMARY KEY (case_type, county_code, year)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Case history: who, in which role, did what, when, with what outcome and why.
-- step_key makes a worker's entry idempotent (a retried job writes it once).
CREATE TABLE casefile_history (
  id         BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_id    BIGINT        NOT NULL,
  at         TIMESTAMP(6)  NOT NULL,
  actor      VARCHAR(64)   NOT NULL,
  actor_role VARCHAR(32)   NOT NULL,
  action     VARCHAR(64)   NOT NULL,
  outcome    VARCHAR(64)   NULL,
  reason     VARCHAR(2000) NULL,
  step_key   VARCHAR(128)  NULL,
  element_id VARCHAR(64)   NULL,
  CONSTRAINT fk_history_case FOREIGN KEY (case_id) REFERENCES casefile_case (id),
  CONSTRAINT uq_history_step UNIQUE (case_id, step_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_history_case ON casefile_history (case_id, at);

CREATE TABLE casefile_document (
  id        BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_id   BIGINT       NOT NULL,
  name      VARCHAR(200) NOT NULL,
  kind      VARCHAR(32)  NOT NULL,
  reference VARCHAR(255) NULL,
  added_by  VARCHAR(64)  NOT NULL,
  added_at  TIMESTAMP(6) NOT NULL,
  CONSTRAINT fk_document_case FOREIGN KEY (case_id) REFERENCES casefile_case (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Notices sent to applicants (SMS/letter text as sent), one per case and step.
CREATE TABLE casefile_notice (
  id       BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_id  BIGINT        NOT NULL,
  step_key VARCHAR(128)  NOT NULL,
  channel  VARCHAR(16)   NOT NULL,
  text     VARCHAR(2000) NOT NULL,
  sent_at  TIMESTAMP(6)  NOT NULL,
  CONSTRAINT fk_notice_case FOREIGN KEY (case_id) REFERENCES casefile_case (id),
  CONSTRAINT uq_notice_step UNIQUE (case_id, step_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Stages of each process (by BPMN element id): the status a case shows while there and the
-- legal period for it. Rules as data: an official changes a period here, not in code.
CREATE TABLE casefile_stage (
  process_id   VARCHAR(64)  NOT NULL,
  element_id   VARCHAR(64)  NOT NULL,
  status       VARCHAR(32)  NOT NULL,
  label        VARCHAR(64)  NOT NULL,
  period_amount INT         NULL,
  period_unit  VARCHAR(16)  NULL,
  PRIMARY KEY (process_id, element_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
