-- Deadline policy (期限规则) as versioned data. region_code '' = national default, otherwise a
-- division-code prefix (2/4/6 digits) whose rows override the levels above it. stage is the BPMN
-- element id of a user task, or CASE for the whole case. A case keeps the version it started
-- under: a new version (higher number, later valid_from) never moves a running deadline.
CREATE TABLE sla_deadline_policy (
  id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  region_code        VARCHAR(12)   NOT NULL,
  case_type          VARCHAR(16)   NOT NULL,
  stage              VARCHAR(64)   NOT NULL,
  version            INT           NOT NULL,
  valid_from         DATE          NOT NULL,
  period_amount      INT           NOT NULL,
  period_unit        VARCHAR(16)   NOT NULL,
  starts_on          VARCHAR(200)  NOT NULL,
  pauses_on          VARCHAR(200)  NULL,
  stops_on           VARCHAR(200)  NOT NULL,
  work_level         VARCHAR(16)   NOT NULL DEFAULT 'TOWNSHIP',
  warn_first_pct     INT           NOT NULL DEFAULT 50,
  warn_second_pct    INT           NOT NULL DEFAULT 75,
  max_extensions     INT           NOT NULL DEFAULT 0,
  max_extension_days INT           NOT NULL DEFAULT 0,
  created_at         TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  CONSTRAINT uq_sla_policy UNIQUE (region_code, case_type, stage, version),
  CONSTRAINT ck_sla_policy_level CHECK (work_level IN ('VILLAGE', 'TOWNSHIP', 'COUNTY')),
  CONSTRAINT ck_sla_policy_unit CHECK (period_unit IN ('CALENDAR_DAYS', 'WORKING_DAYS')),
  CONSTRAINT ck_sla_policy_amount CHECK (period_amount BETWEEN 1 AND 3650),
  CONSTRAINT ck_sla_policy_warn CHECK (0 < warn_first_pct AND warn_first_pct < warn_second_pct
                                       AND warn_second_pct < 100),
  CONSTRAINT ck_sla_policy_region CHECK (region_code REGEXP '^([0-9]{2}|[0-9]{4}|[0-9]{6})?$')
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- work_level = who does the work; a breach escalates one level up: village/township work to the
-- county supervisors, county work to the city supervisors. The whole-case clock is owned by the
-- township station that accepted the case.
-- Hardship assistance (DOMAIN.md): township 10 working days, county 10, whole case 15 working days
-- without publicity and time waiting for the applicant's materials. The other stage periods move
-- here from casefile_stage unchanged. Petition rows carry the one extension of ≤ 30 days.
INSERT INTO sla_deadline_policy (region_code, case_type, stage, version, valid_from, period_amount,
                                 period_unit, starts_on, pauses_on, stops_on, work_level,
                                 max_extensions, max_extension_days) VALUES
  ('', 'HARDSHIP', 'CASE',                       1, '2025-01-01', 15, 'WORKING_DAYS', '登记受理', '等待补正材料；公示期间', '结案、不予帮扶或终止', 'TOWNSHIP', 1, 10),
  ('', 'HARDSHIP', 'Task_EmergencyPayment',      1, '2025-01-01', 2,  'CALENDAR_DAYS', '进入急难先行支付审核', NULL, '完成审核', 'TOWNSHIP', 0, 0),
  ('', 'HARDSHIP', 'Task_VillageVerification',   1, '2025-01-01', 5,  'WORKING_DAYS', '进入入户核实', NULL, '完成核实', 'VILLAGE', 0, 0),
  ('', 'HARDSHIP', 'Task_TownshipReview',        1, '2025-01-01', 10, 'WORKING_DAYS', '进入乡镇受理审核', NULL, '完成审核', 'TOWNSHIP', 0, 0),
  ('', 'HARDSHIP', 'Task_TownshipHeadApproval',  1, '2025-01-01', 5,  'WORKING_DAYS', '进入乡镇分管领导审批', NULL, '完成审批', 'TOWNSHIP', 0, 0),
  ('', 'HARDSHIP', 'Task_CountyApproval',        1, '2025-01-01', 10, 'WORKING_DAYS', '进入县局审批', NULL, '完成审批', 'COUNTY', 0, 0),
  ('', 'HARDSHIP', 'Task_CountyHeadCountersign', 1, '2025-01-01', 5,  'WORKING_DAYS', '进入县局分管领导会签', NULL, '完成会签', 'COUNTY', 0, 0),
  ('', 'HARDSHIP', 'Task_FollowUpVisit',         1, '2025-01-01', 10, 'WORKING_DAYS', '进入回访', NULL, '完成回访', 'VILLAGE', 0, 0),
  ('', 'PETITION', 'CASE',                       1, '2025-01-01', 60, 'CALENDAR_DAYS', '受理', '无', '出具处理意见书', 'COUNTY', 1, 30);

-- A running legal clock: the whole case (clock_key CASE) or one stage instance
-- (stage:<element instance key>). due_at is recomputed on pause/resume/extend; the warn/due
-- columns are what the watcher and the cockpit query.
CREATE TABLE sla_clock (
  id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_number      VARCHAR(32)  NOT NULL,
  clock_key        VARCHAR(64)  NOT NULL,
  case_type        VARCHAR(16)  NOT NULL,
  region_code      VARCHAR(12)  NOT NULL,
  county_code      VARCHAR(6)   NOT NULL,
  township_code    VARCHAR(9)   NOT NULL,
  stage            VARCHAR(64)  NOT NULL,
  stage_label      VARCHAR(64)  NOT NULL,
  work_level       VARCHAR(16)  NOT NULL,
  officer          VARCHAR(64)  NULL,
  policy_id        BIGINT       NULL,
  policy_version   INT          NOT NULL,
  period_amount    INT          NOT NULL,
  period_unit      VARCHAR(16)  NOT NULL,
  warn_first_pct   INT          NOT NULL,
  warn_second_pct  INT          NOT NULL,
  state            VARCHAR(16)  NOT NULL,
  started_at       TIMESTAMP(6) NOT NULL,
  start_day        DATE         NOT NULL,
  paused_days      INT          NOT NULL DEFAULT 0,
  extended_days    INT          NOT NULL DEFAULT 0,
  extensions       INT          NOT NULL DEFAULT 0,
  warn_first_at    TIMESTAMP(6) NULL,
  warn_second_at   TIMESTAMP(6) NULL,
  due_at           TIMESTAMP(6) NOT NULL,
  alert_level      VARCHAR(16)  NOT NULL DEFAULT 'NONE',
  stopped_at       TIMESTAMP(6) NULL,
  version          BIGINT       NOT NULL DEFAULT 0,
  CONSTRAINT uq_sla_clock UNIQUE (case_number, clock_key),
  CONSTRAINT ck_sla_clock_state CHECK (state IN ('RUNNING', 'PAUSED', 'STOPPED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The watcher: running clocks whose next point has passed.
CREATE INDEX ix_sla_clock_watch ON sla_clock (state, due_at);
CREATE INDEX ix_sla_clock_warn ON sla_clock (state, warn_second_at);
-- The cockpit: a county's (or township's) open clocks by due date.
CREATE INDEX ix_sla_clock_region_due ON sla_clock (county_code, state, township_code, due_at);
CREATE INDEX ix_sla_clock_region_alert ON sla_clock (county_code, alert_level, state);

-- Pauses (补正, 公示, ...) with the working days they added; resumed_at NULL = paused now.
CREATE TABLE sla_clock_pause (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  clock_id    BIGINT        NOT NULL,
  reason      VARCHAR(200)  NOT NULL,
  paused_at   TIMESTAMP(6)  NOT NULL,
  resumed_at  TIMESTAMP(6)  NULL,
  days_added  INT           NOT NULL DEFAULT 0,
  actor       VARCHAR(64)   NOT NULL,
  CONSTRAINT fk_sla_pause_clock FOREIGN KEY (clock_id) REFERENCES sla_clock (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_sla_pause_clock ON sla_clock_pause (clock_id, paused_at);

CREATE TABLE sla_clock_extension (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  clock_id    BIGINT        NOT NULL,
  days        INT           NOT NULL,
  reason      VARCHAR(500)  NOT NULL,
  approver    VARCHAR(64)   NOT NULL,
  extended_at TIMESTAMP(6)  NOT NULL,
  due_before  TIMESTAMP(6)  NOT NULL,
  due_after   TIMESTAMP(6)  NOT NULL,
  CONSTRAINT fk_sla_extension_clock FOREIGN KEY (clock_id) REFERENCES sla_clock (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Warnings and breaches, once per clock and level (the watcher may run twice).
CREATE TABLE sla_clock_alert (
  id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  clock_id   BIGINT       NOT NULL,
  level      VARCHAR(16)  NOT NULL,
  raised_at  TIMESTAMP(6) NOT NULL,
  due_at     TIMESTAMP(6) NOT NULL,
  escalated_at TIMESTAMP(6) NULL,
  CONSTRAINT fk_sla_alert_clock FOREIGN KEY (clock_id) REFERENCES sla_clock (id),
  CONSTRAINT uq_sla_alert UNIQUE (clock_id, level)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Notices to officers (a breach was escalated), one per case and step.
CREATE TABLE sla_officer_notice (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_number VARCHAR(32)   NOT NULL,
  recipient   VARCHAR(128)  NOT NULL,
  text        VARCHAR(1000) NOT NULL,
  step_key    VARCHAR(128)  NOT NULL,
  created_at  TIMESTAMP(6)  NOT NULL,
  CONSTRAINT uq_sla_officer_notice UNIQUE (case_number, step_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
