-- 法律援助 (legal aid): applications, the parties of each case (conflict check), lawyers,
-- consultations, and the rules an official changes (financial-hardship exemptions and waivers,
-- per-region numbers). Deadlines are in sla_deadline_policy and casefile_stage below.

-- One application per case. Personal data stays in registry: the applicant is a person id; the
-- opposing party is a name (and a person id when the registry knows them).
CREATE TABLE legalaid_application (
  id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_id             BIGINT        NOT NULL,
  case_number         VARCHAR(32)   NOT NULL,
  applicant_person_id BIGINT        NOT NULL,
  matter_type         VARCHAR(32)   NOT NULL,
  matter_summary      VARCHAR(2000) NOT NULL,
  opposing_party      VARCHAR(200)  NOT NULL,
  hearing_date        DATE          NULL,
  limitation_date     DATE          NULL,
  materials_present   VARCHAR(1000) NULL,
  urgent              BOOLEAN       NOT NULL DEFAULT FALSE,
  hardship_check      VARCHAR(16)   NOT NULL,
  hardship_ground     VARCHAR(300)  NOT NULL,
  materials_requested BOOLEAN       NOT NULL DEFAULT FALSE,
  missing_materials   VARCHAR(2000) NULL,
  decision            VARCHAR(16)   NULL,
  decision_reason     VARCHAR(2000) NULL,
  decided_at          TIMESTAMP(6)  NULL,
  objection           VARCHAR(2000) NULL,
  objection_outcome   VARCHAR(16)   NULL,
  lawyer              VARCHAR(64)   NULL,
  assigned_at         TIMESTAMP(6)  NULL,
  termination_ground  VARCHAR(32)   NULL,
  termination_reason  VARCHAR(2000) NULL,
  matter_ended_at     TIMESTAMP(6)  NULL,
  outcome             VARCHAR(16)   NULL,
  money_recovered     DECIMAL(12,2) NULL,
  satisfaction        VARCHAR(32)   NULL,
  closed_at           TIMESTAMP(6)  NULL,
  consultation_id     BIGINT        NULL,
  filed_at            TIMESTAMP(6)  NOT NULL,
  version             BIGINT        NOT NULL DEFAULT 0,
  CONSTRAINT uq_legalaid_case UNIQUE (case_number),
  CONSTRAINT fk_legalaid_case FOREIGN KEY (case_id) REFERENCES casefile_case (id),
  CONSTRAINT fk_legalaid_applicant FOREIGN KEY (applicant_person_id) REFERENCES registry_person (id),
  CONSTRAINT ck_legalaid_money CHECK (money_recovered IS NULL OR money_recovered >= 0),
  CONSTRAINT ck_legalaid_check CHECK (hardship_check IN ('EXEMPT', 'WAIVED', 'REQUIRED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_legalaid_lawyer ON legalaid_application (lawyer, closed_at);

-- The parties of each case, for the conflict check at assignment: the recipient (APPLICANT) and
-- the other side (OPPOSING). name_key is the name without spaces; person_id when known.
CREATE TABLE legalaid_party (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_number VARCHAR(32)  NOT NULL,
  side        VARCHAR(16)  NOT NULL,
  name        VARCHAR(200) NOT NULL,
  name_key    VARCHAR(200) NOT NULL,
  person_id   BIGINT       NULL,
  CONSTRAINT uq_legalaid_party UNIQUE (case_number, side),
  CONSTRAINT ck_legalaid_party_side CHECK (side IN ('APPLICANT', 'OPPOSING'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_legalaid_party_name ON legalaid_party (side, name_key);
CREATE INDEX ix_legalaid_party_person ON legalaid_party (side, person_id);

-- Lawyers and legal workers who take assigned cases: staff users (role LEGAL_AID_LAWYER, so they
-- log in to Tasklist) with what the assignment form shows.
CREATE TABLE legalaid_lawyer (
  username  VARCHAR(64)  NOT NULL PRIMARY KEY,
  kind      VARCHAR(16)  NOT NULL,
  firm      VARCHAR(200) NOT NULL,
  active    BOOLEAN      NOT NULL DEFAULT TRUE,
  CONSTRAINT ck_legalaid_lawyer_kind CHECK (kind IN ('LAWYER', 'LEGAL_WORKER'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 法律咨询: who asked what, the answer given, where; case_number when it became an application.
CREATE TABLE legalaid_consultation (
  id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  county_code   VARCHAR(6)    NOT NULL,
  township_code VARCHAR(9)    NOT NULL,
  region_code   VARCHAR(12)   NOT NULL,
  visitor_name  VARCHAR(64)   NOT NULL,
  person_id     BIGINT        NULL,
  topic         VARCHAR(32)   NOT NULL,
  question      VARCHAR(2000) NOT NULL,
  answer        VARCHAR(2000) NOT NULL,
  logged_by     VARCHAR(64)   NOT NULL,
  logged_at     TIMESTAMP(6)  NOT NULL,
  case_number   VARCHAR(32)   NULL,
  version       BIGINT        NOT NULL DEFAULT 0,
  CONSTRAINT fk_legalaid_consultation_township FOREIGN KEY (township_code) REFERENCES jurisdiction_region (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_legalaid_consultation_region ON legalaid_consultation (county_code, township_code, logged_at);

-- Financial hardship (经济困难) rules as data. region_code '' = national, else a division-code
-- prefix that adds rows for its region. MATTER rows: no check at all (法律援助法第三十二条);
-- CATEGORY rows: verification waived for the group (第四十二条). The ground is recorded on the case.
CREATE TABLE legalaid_hardship_rule (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  region_code VARCHAR(12)  NOT NULL,
  kind        VARCHAR(16)  NOT NULL,
  code        VARCHAR(32)  NOT NULL,
  ground      VARCHAR(300) NOT NULL,
  CONSTRAINT uq_legalaid_rule UNIQUE (region_code, kind, code),
  CONSTRAINT ck_legalaid_rule_kind CHECK (kind IN ('MATTER', 'CATEGORY')),
  CONSTRAINT ck_legalaid_rule_region CHECK (region_code REGEXP '^([0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{9})?$')
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO legalaid_hardship_rule (region_code, kind, code, ground) VALUES
  ('', 'MATTER', 'MARTYR_REPUTATION',  '英雄烈士近亲属为维护英雄烈士的人格权益，不受经济困难条件限制（法律援助法第三十二条第一项）'),
  ('', 'MATTER', 'GOOD_SAMARITAN',     '因见义勇为行为主张相关民事权益，不受经济困难条件限制（法律援助法第三十二条第二项）'),
  ('', 'MATTER', 'WRONGFUL_CONVICTION','再审改判无罪请求国家赔偿，不受经济困难条件限制（法律援助法第三十二条第三项）'),
  ('', 'MATTER', 'DOMESTIC_VIOLENCE',  '遭受虐待、遗弃或者家庭暴力的受害人主张相关权益，不受经济困难条件限制（法律援助法第三十二条第四项）'),
  ('', 'CATEGORY', 'MARTYR_FAMILY',         '优抚对象（烈士遗属），免予核查经济困难状况（法律援助法第四十二条第二项）'),
  ('', 'CATEGORY', 'DIED_ON_DUTY_FAMILY',   '优抚对象（因公牺牲军人遗属），免予核查经济困难状况（法律援助法第四十二条第二项）'),
  ('', 'CATEGORY', 'DIED_OF_ILLNESS_FAMILY','优抚对象（病故军人遗属），免予核查经济困难状况（法律援助法第四十二条第二项）'),
  ('', 'CATEGORY', 'SERVING_MEMBER_FAMILY', '优抚对象（现役军人家属），免予核查经济困难状况（法律援助法第四十二条第二项）'),
  ('', 'CATEGORY', 'DISABLED_SOLDIER',      '优抚对象（伤残军人），免予核查经济困难状况（法律援助法第四十二条第二项）'),
  ('', 'CATEGORY', 'OTHER_ENTITLED',        '优抚对象，免予核查经济困难状况（法律援助法第四十二条第二项）');

-- Per-region numbers (most specific prefix wins): urgent aid when a hearing or limitation date is
-- fewer than urgent_days away; days the applicant has for 补正; days after a refusal notice in
-- which an objection is still awaited before the case is closed.
CREATE TABLE legalaid_region_policy (
  region_code           VARCHAR(12) NOT NULL PRIMARY KEY,
  urgent_days           INT         NOT NULL,
  materials_days        INT         NOT NULL,
  objection_window_days INT         NOT NULL,
  CONSTRAINT ck_legalaid_policy_days CHECK (urgent_days BETWEEN 1 AND 60 AND materials_days BETWEEN 1 AND 365
                                            AND objection_window_days BETWEEN 1 AND 365)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO legalaid_region_policy (region_code, urgent_days, materials_days, objection_window_days)
VALUES ('', 7, 30, 60);

-- Legal clocks (法律援助法): decision within 7 days of a complete application (whole-case clock,
-- paused while waiting for 补正 materials, stopped by the decision); assignment within 3 days of
-- the decision; an objection decided within 5 days of receipt (第四十九条, calendar days unless the
-- region says otherwise); closing and archiving within 30 days of the matter ending.
INSERT INTO sla_deadline_policy (region_code, case_type, stage, version, valid_from, period_amount,
                                 period_unit, starts_on, pauses_on, stops_on, work_level,
                                 max_extensions, max_extension_days) VALUES
  ('', 'LEGAL_AID', 'CASE',                    1, '2025-01-01', 7,  'CALENDAR_DAYS', '受理申请', '等待补正材料', '作出给予或不予法律援助决定', 'COUNTY', 0, 0),
  ('', 'LEGAL_AID', 'Task_CheckCompleteness',  1, '2025-01-01', 7,  'CALENDAR_DAYS', '进入申请材料审查', NULL, '审查完毕', 'COUNTY', 0, 0),
  ('', 'LEGAL_AID', 'Task_Decide',             1, '2025-01-01', 7,  'CALENDAR_DAYS', '申请材料齐全', NULL, '作出决定', 'COUNTY', 0, 0),
  ('', 'LEGAL_AID', 'Task_AssignLawyer',       1, '2025-01-01', 3,  'CALENDAR_DAYS', '作出给予法律援助决定（或先行援助）', NULL, '指派承办人', 'COUNTY', 0, 0),
  ('', 'LEGAL_AID', 'Task_DecideObjection',    1, '2025-01-01', 5,  'CALENDAR_DAYS', '收到异议', NULL, '作出异议审查决定', 'COUNTY', 0, 0),
  ('', 'LEGAL_AID', 'Task_CloseAndArchive',    1, '2025-01-01', 30, 'CALENDAR_DAYS', '法律事务办结', NULL, '结案归档', 'COUNTY', 0, 0),
  ('', 'LEGAL_AID', 'Task_SatisfactionSurvey', 1, '2025-01-01', 10, 'WORKING_DAYS',  '结案归档', NULL, '完成回访', 'COUNTY', 0, 0);

INSERT INTO casefile_stage (process_id, element_id, status, label, period_amount, period_unit) VALUES
  ('legal-aid', 'Task_CheckCompleteness',  'AID_REVIEW',          '审查申请材料',   7,    'CALENDAR_DAYS'),
  ('legal-aid', 'Task_Decide',             'AWAITING_DECISION',   '作出援助决定',   7,    'CALENDAR_DAYS'),
  ('legal-aid', 'Task_AssignLawyer',       'AWAITING_ASSIGNMENT', '指派承办人',     3,    'CALENDAR_DAYS'),
  ('legal-aid', 'Task_DecideObjection',    'OBJECTION_REVIEW',    '异议审查',       5,    'CALENDAR_DAYS'),
  ('legal-aid', 'Task_CaseWork',           'IN_PROGRESS',         '承办法律事务',   NULL, NULL),
  ('legal-aid', 'Task_CloseAndArchive',    'CLOSING',             '结案归档',       30,   'CALENDAR_DAYS'),
  ('legal-aid', 'Task_SatisfactionSurvey', 'FOLLOW_UP',           '满意度回访',     10,   'WORKING_DAYS');
