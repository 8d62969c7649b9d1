-- 菜单式服务: the service menu per region (versioned rows, never updated), the service requests
-- (a casefile case of type SERVICE each, keeping the menu version it was filed under), online
-- requests from the public page, and counselling (roster, appointments, session notes).

CREATE TABLE services_menu_item (
  id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  region_code       VARCHAR(12)   NOT NULL,
  code              VARCHAR(32)   NOT NULL,
  version           INT           NOT NULL,
  name              VARCHAR(64)   NOT NULL,
  provider          VARCHAR(24)   NOT NULL,
  provider_name     VARCHAR(128)  NULL,
  categories        VARCHAR(255)  NOT NULL DEFAULT '',
  key_contact_flags VARCHAR(255)  NOT NULL DEFAULT '',
  eligibility_rule  VARCHAR(255)  NOT NULL,
  documents         VARCHAR(500)  NOT NULL,
  deadline_days     INT           NOT NULL,
  form_key          VARCHAR(64)   NOT NULL,
  mode              VARCHAR(16)   NOT NULL,
  result_kind       VARCHAR(16)   NOT NULL,
  need_type         VARCHAR(32)   NOT NULL DEFAULT '其他',
  active            BOOLEAN       NOT NULL DEFAULT TRUE,
  changed_by        VARCHAR(64)   NOT NULL,
  change_reason     VARCHAR(255)  NOT NULL,
  changed_at        TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  CONSTRAINT uq_services_menu_version UNIQUE (region_code, code, version),
  CONSTRAINT ck_services_menu_mode CHECK (mode IN ('STATION', 'REFERRAL', 'PROXY')),
  CONSTRAINT ck_services_menu_result CHECK (result_kind IN ('NONE', 'MONEY', 'PLACE', 'EMPLOYMENT')),
  CONSTRAINT ck_services_menu_deadline CHECK (deadline_days BETWEEN 1 AND 120)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The county menu of 鲤城区 (demo county), version 1.
INSERT INTO services_menu_item (region_code, code, version, name, provider, provider_name, categories,
  key_contact_flags, eligibility_rule, documents, deadline_days, form_key, mode, result_kind,
  changed_by, change_reason) VALUES
 ('350502', 'STARTUP_SUBSIDY', 1, '创业扶持（一次性创业补贴）', 'HRSS', '区人力资源和社会保障局', 'VETERAN', '',
  '《菜单式服务目录》创业扶持：限退役军人本人', '身份证；退役证；营业执照；创业项目说明', 20, 'service-handling', 'STATION', 'MONEY',
  'system', '县级服务菜单初始版本'),
 ('350502', 'GUARANTEED_LOAN', 1, '创业担保贷款（转介人社）', 'HRSS', '区人力资源和社会保障局（创业担保贷款）', 'VETERAN', '',
  '《菜单式服务目录》创业担保贷款：限退役军人本人', '身份证；退役证；营业执照；贷款申请表', 30, 'service-referral-answer', 'REFERRAL', 'MONEY',
  'system', '县级服务菜单初始版本'),
 ('350502', 'JOB_REFERRAL', 1, '就业推荐', 'ENTERPRISE', '拥军合作企业', 'VETERAN', '',
  '《菜单式服务目录》就业推荐：限退役军人本人', '身份证；退役证；个人简历', 15, 'service-handling', 'STATION', 'EMPLOYMENT',
  'system', '县级服务菜单初始版本'),
 ('350502', 'TRAINING', 1, '教育培训（职业技能培训报名）', 'HRSS', '区人力资源和社会保障局（定点培训机构）', 'VETERAN', '',
  '《菜单式服务目录》教育培训：限退役军人本人', '身份证；退役证；学历证明', 20, 'service-handling', 'STATION', 'EMPLOYMENT',
  'system', '县级服务菜单初始版本'),
 ('350502', 'MEDICAL_AID', 1, '医疗救助（转介医保）', 'MEDICAL_INSURANCE', '区医疗保障局', '', '',
  '《菜单式服务目录》医疗救助：退役军人和其他优抚对象', '身份证；医疗费用票据；诊断证明', 20, 'service-referral-answer', 'REFERRAL', 'MONEY',
  'system', '县级服务菜单初始版本'),
 ('350502', 'COUNSELLING', 1, '心理疏导（预约心理咨询师）', 'VOLUNTEER', '区心理咨询志愿服务队', '', '',
  '《菜单式服务目录》心理疏导：退役军人和其他优抚对象', '身份证', 10, 'service-handling', 'STATION', 'NONE',
  'system', '县级服务菜单初始版本'),
 ('350502', 'PROXY', 1, '代办服务（由服务站代为办理）', 'STATION', '退役军人服务站', '', 'LONELY_ELDERLY,SERIOUSLY_ILL,DISABLED',
  '《菜单式服务目录》代办服务：限空巢/独居、重病、伤残的重点联系对象', '身份证；委托书', 10, 'service-handling', 'PROXY', 'NONE',
  'system', '县级服务菜单初始版本'),
 ('350502', 'HOME_SERVICE', 1, '上门服务', 'VOLUNTEER', '退役军人志愿服务队', '', 'LONELY_ELDERLY,SERIOUSLY_ILL,DISABLED',
  '《菜单式服务目录》上门服务：限空巢/独居、重病、伤残的重点联系对象', '身份证', 10, 'service-handling', 'STATION', 'NONE',
  'system', '县级服务菜单初始版本');

-- the 需求台账 type a request of the item answers (a 需求状况 value of registry_status_value)
UPDATE services_menu_item SET need_type = '就业创业'
  WHERE code IN ('STARTUP_SUBSIDY', 'GUARANTEED_LOAN', 'JOB_REFERRAL');
UPDATE services_menu_item SET need_type = '教育培训' WHERE code = 'TRAINING';
UPDATE services_menu_item SET need_type = '医疗' WHERE code = 'MEDICAL_AID';
UPDATE services_menu_item SET need_type = '心理疏导' WHERE code = 'COUNSELLING';

-- One request per case: the menu row (version) it was filed under, how it came in, identity check.
CREATE TABLE services_request (
  id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_number     VARCHAR(32)   NOT NULL,
  county_code     VARCHAR(12)   NOT NULL,
  township_code   VARCHAR(12)   NOT NULL,
  person_id       BIGINT        NOT NULL,
  menu_item_id    BIGINT        NOT NULL,
  item_code       VARCHAR(32)   NOT NULL,
  mode            VARCHAR(16)   NOT NULL,
  channel         VARCHAR(16)   NOT NULL,
  verified        BOOLEAN       NOT NULL,
  claimed_name    VARCHAR(64)   NULL,
  claimed_phone   VARCHAR(32)   NULL,
  note            VARCHAR(500)  NULL,
  state           VARCHAR(24)   NOT NULL,
  referred_at     TIMESTAMP(6)  NULL,
  referral_due_at TIMESTAMP(6)  NULL,
  answer          VARCHAR(500)  NULL,
  answered_at     TIMESTAMP(6)  NULL,
  result_outcome  VARCHAR(16)   NULL,
  result_note     VARCHAR(500)  NULL,
  amount          DECIMAL(12,2) NULL,
  place           VARCHAR(200)  NULL,
  need_id         BIGINT        NULL,
  filed_at        TIMESTAMP(6)  NOT NULL,
  updated_at      TIMESTAMP(6)  NOT NULL,
  CONSTRAINT uq_services_request_case UNIQUE (case_number),
  CONSTRAINT fk_services_request_item FOREIGN KEY (menu_item_id) REFERENCES services_menu_item (id),
  CONSTRAINT fk_services_request_person FOREIGN KEY (person_id) REFERENCES registry_person (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- the station's open-requests list and the referral-overdue list
CREATE INDEX ix_services_request_open ON services_request (township_code, state, filed_at);
CREATE INDEX ix_services_request_county_open ON services_request (county_code, state, filed_at);
CREATE INDEX ix_services_request_referral ON services_request (county_code, state, referral_due_at);
CREATE INDEX ix_services_request_person ON services_request (person_id, filed_at);

-- Online requests whose person the registry does not know (or not in that county): kept for the
-- county station to call back; nothing else is done with them.
CREATE TABLE services_online_unmatched (
  id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  county_code     VARCHAR(12)   NOT NULL,
  item_code       VARCHAR(32)   NOT NULL,
  claimed_name    VARCHAR(64)   NOT NULL,
  masked_id       VARCHAR(32)   NOT NULL,
  claimed_phone   VARCHAR(32)   NOT NULL,
  received_at     TIMESTAMP(6)  NOT NULL,
  handled_by      VARCHAR(64)   NULL,
  handled_at      TIMESTAMP(6)  NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_services_unmatched_county ON services_online_unmatched (county_code, received_at);

-- 心理疏导: the county's counsellors, appointments, and session notes (read only by the counsellor
-- and the request's handler; never listed, exported or shown to auditors).
CREATE TABLE services_counsellor (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  county_code  VARCHAR(12)  NOT NULL,
  name         VARCHAR(64)  NOT NULL,
  username     VARCHAR(64)  NULL,
  qualification VARCHAR(128) NULL,
  active       BOOLEAN      NOT NULL DEFAULT TRUE,
  CONSTRAINT uq_services_counsellor UNIQUE (county_code, name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE services_appointment (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_number   VARCHAR(32)  NOT NULL,
  counsellor_id BIGINT       NOT NULL,
  starts_at     TIMESTAMP(6) NOT NULL,
  place         VARCHAR(200) NOT NULL,
  booked_by     VARCHAR(64)  NOT NULL,
  booked_at     TIMESTAMP(6) NOT NULL,
  held          BOOLEAN      NOT NULL DEFAULT FALSE,
  CONSTRAINT fk_services_appointment_counsellor FOREIGN KEY (counsellor_id) REFERENCES services_counsellor (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_services_appointment_case ON services_appointment (case_number, starts_at);

CREATE TABLE services_session_note (
  id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  appointment_id BIGINT        NOT NULL,
  note           VARCHAR(4000) NOT NULL,
  written_by     VARCHAR(64)   NOT NULL,
  written_at     TIMESTAMP(6)  NOT NULL,
  CONSTRAINT fk_services_note_appointment FOREIGN KEY (appointment_id) REFERENCES services_appointment (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO services_counsellor (county_code, name, username, qualification) VALUES
  ('350502', '林心怡', 'linxinyi', '国家二级心理咨询师'),
  ('350502', '郑文博', NULL, '心理治疗师（中级）');

-- Stages of service-request: the status a case shows there and the period (working days).
INSERT INTO casefile_stage (process_id, element_id, status, label, period_amount, period_unit) VALUES
  ('service-request', 'Task_ConfirmIdentity',      'SERVICE_IDENTITY',   '核实申请人身份',   2,  'WORKING_DAYS'),
  ('service-request', 'Task_Accept',               'SERVICE_ACCEPTANCE', '受理审查',         3,  'WORKING_DAYS'),
  ('service-request', 'Task_Supplement',           'AWAITING_MATERIALS', '补正材料',         5,  'WORKING_DAYS'),
  ('service-request', 'Task_Handle',               'SERVICE_HANDLING',   '站内办理',         10, 'WORKING_DAYS'),
  ('service-request', 'Task_AwaitReferralAnswer',  'SERVICE_REFERRED',   '转介部门答复',     10, 'WORKING_DAYS'),
  ('service-request', 'Task_RecordResult',         'SERVICE_RESULT',     '登记服务结果',     3,  'WORKING_DAYS'),
  ('service-request', 'Task_FollowUp',             'SERVICE_FOLLOW_UP',  '回访',             10, 'WORKING_DAYS');
