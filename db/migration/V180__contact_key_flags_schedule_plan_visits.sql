-- The contact programme (联系走访): key-contact flags, the schedule as versioned data per region,
-- the plan (one row per person, kind and period; the unique key makes planning idempotent), the
-- must-visit events reported by stations, and the visit records.

-- 重点联系对象 flags. A cleared flag stays as history; active_person is the person while the flag
-- is active (NULL once cleared), so one person has one active flag per reason.
CREATE TABLE contact_key_flag (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  person_id     BIGINT       NOT NULL,
  reason        VARCHAR(32)  NOT NULL,
  since         DATE         NOT NULL,
  note          VARCHAR(200) NULL,
  set_by        VARCHAR(64)  NOT NULL,
  set_at        TIMESTAMP(6) NOT NULL,
  cleared_by    VARCHAR(64)  NULL,
  cleared_at    TIMESTAMP(6) NULL,
  clear_reason  VARCHAR(200) NULL,
  active_person BIGINT AS (CASE WHEN cleared_at IS NULL THEN person_id END) PERSISTENT,
  CONSTRAINT fk_contact_flag_person FOREIGN KEY (person_id) REFERENCES registry_person (id),
  CONSTRAINT uq_contact_flag_active UNIQUE (active_person, reason),
  CONSTRAINT ck_contact_flag_reason CHECK (reason IN ('LONELY_ELDERLY', 'SERIOUSLY_ILL', 'HARDSHIP',
    'DISABLED', 'MERITORIOUS', 'MARTYR_OR_MILITARY_FAMILY', 'WAR_OR_TEST_PARTICIPANT'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_contact_flag_person ON contact_key_flag (person_id, cleared_at);

-- The schedule (联系走访频次) as versioned data, like sla_deadline_policy: region_code '' = national
-- default, else a 2/4/6-digit division prefix whose rows override the levels above. audience:
-- LONELY (空巢/独居 key contacts), KEY (other key contacts), ORDINARY (everyone else), EVENT
-- (must-visit events: due_days after the report). every_months divides the year into periods;
-- open_days = how long before a period's end its task opens (the plan row exists from the start).
CREATE TABLE contact_schedule (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  region_code  VARCHAR(12)  NOT NULL,
  audience     VARCHAR(16)  NOT NULL,
  kind         VARCHAR(8)   NOT NULL,
  version      INT          NOT NULL,
  valid_from   DATE         NOT NULL,
  every_months INT          NULL,
  due_days     INT          NULL,
  open_days    INT          NOT NULL,
  changed_by   VARCHAR(64)  NOT NULL,
  reason       VARCHAR(200) NOT NULL,
  created_at   TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  CONSTRAINT uq_contact_schedule UNIQUE (region_code, audience, kind, version),
  CONSTRAINT ck_contact_schedule_audience CHECK (audience IN ('LONELY', 'KEY', 'ORDINARY', 'EVENT')),
  CONSTRAINT ck_contact_schedule_kind CHECK (kind IN ('CONTACT', 'VISIT')),
  CONSTRAINT ck_contact_schedule_every CHECK (every_months IS NULL OR every_months IN (1, 2, 3, 4, 6, 12)),
  CONSTRAINT ck_contact_schedule_shape CHECK ((audience = 'EVENT' AND due_days BETWEEN 1 AND 90)
    OR (audience <> 'EVENT' AND every_months IS NOT NULL)),
  CONSTRAINT ck_contact_schedule_open CHECK (open_days BETWEEN 1 AND 366),
  CONSTRAINT ck_contact_schedule_region CHECK (region_code REGEXP '^([0-9]{2}|[0-9]{4}|[0-9]{6})?$')
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- National defaults (DOMAIN.md "People"): key contacts a contact every quarter and a visit every
-- year, 空巢/独居 elderly a contact every month, everyone else a contact every year, a must-visit
-- event visited within 7 days. 鲤城区 (the demo county) contacts everyone else every half-year.
INSERT INTO contact_schedule (region_code, audience, kind, version, valid_from, every_months, due_days,
                              open_days, changed_by, reason) VALUES
  ('',       'LONELY',   'CONTACT', 1, '2025-01-01', 1,    NULL, 31, 'system', '全国默认：空巢/独居老人每月联系'),
  ('',       'LONELY',   'VISIT',   1, '2025-01-01', 12,   NULL, 90, 'system', '全国默认：重点联系对象每年走访'),
  ('',       'KEY',      'CONTACT', 1, '2025-01-01', 3,    NULL, 45, 'system', '全国默认：重点联系对象每季度联系'),
  ('',       'KEY',      'VISIT',   1, '2025-01-01', 12,   NULL, 90, 'system', '全国默认：重点联系对象每年走访'),
  ('',       'ORDINARY', 'CONTACT', 1, '2025-01-01', 12,   NULL, 60, 'system', '全国默认：其他服务对象每年联系'),
  ('',       'EVENT',    'VISIT',   1, '2025-01-01', NULL, 7,    7,  'system', '全国默认：六必访事项7日内走访'),
  ('350502', 'ORDINARY', 'CONTACT', 1, '2025-01-01', 6,    NULL, 45, 'system', '鲤城区：其他服务对象每半年联系');

-- Must-visit events (六必访) reported by a station or taken from another module's event.
CREATE TABLE contact_event (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  person_id   BIGINT       NOT NULL,
  event_type  VARCHAR(24)  NOT NULL,
  occurred_on DATE         NOT NULL,
  note        VARCHAR(500) NULL,
  reported_by VARCHAR(64)  NOT NULL,
  reported_at TIMESTAMP(6) NOT NULL,
  CONSTRAINT fk_contact_event_person FOREIGN KEY (person_id) REFERENCES registry_person (id),
  CONSTRAINT uq_contact_event UNIQUE (person_id, event_type, occurred_on)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The plan: what is due for whom in which period. status PLANNED → OPEN (a contact-visit process
-- instance runs, due_at from the clock) → DONE (a visit recorded) or CANCELLED (person died or
-- moved away before it was done). Instances are started only from open_on on, in batches.
CREATE TABLE contact_plan (
  id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  person_id           BIGINT       NOT NULL,
  kind                VARCHAR(8)   NOT NULL,
  period              VARCHAR(16)  NOT NULL,
  period_start        DATE         NOT NULL,
  period_end          DATE         NOT NULL,
  open_on             DATE         NOT NULL,
  township_code       VARCHAR(9)   NOT NULL,
  village_code        VARCHAR(12)  NULL,
  audience            VARCHAR(16)  NOT NULL,
  schedule_id         BIGINT       NULL,
  event_id            BIGINT       NULL,
  status              VARCHAR(12)  NOT NULL,
  process_instance_id VARCHAR(64)  NULL,
  opened_at           TIMESTAMP(6) NULL,
  due_at              TIMESTAMP(6) NULL,
  done_at             TIMESTAMP(6) NULL,
  visit_id            BIGINT       NULL,
  created_at          TIMESTAMP(6) NOT NULL,
  CONSTRAINT uq_contact_plan UNIQUE (person_id, kind, period),
  CONSTRAINT ck_contact_plan_status CHECK (status IN ('PLANNED', 'OPEN', 'DONE', 'CANCELLED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_contact_plan_open ON contact_plan (status, open_on);
CREATE INDEX ix_contact_plan_region ON contact_plan (township_code, village_code, status, period_end);

-- 走访记录: who, when, how, what was found, what is needed, and the case a need opened.
CREATE TABLE contact_visit (
  id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  source_key          VARCHAR(100)  NOT NULL,
  plan_id             BIGINT        NULL,
  person_id           BIGINT        NOT NULL,
  township_code       VARCHAR(9)    NOT NULL,
  village_code        VARCHAR(12)   NULL,
  method              VARCHAR(8)    NOT NULL,
  visited_on          DATE          NOT NULL,
  visited_by          VARCHAR(64)   NOT NULL,
  findings            VARCHAR(2000) NOT NULL,
  need_kind           VARCHAR(16)   NOT NULL,
  need_text           VARCHAR(1000) NULL,
  linked_case_number  VARCHAR(32)   NULL,
  link_refused        VARCHAR(500)  NULL,
  recorded_at         TIMESTAMP(6)  NOT NULL,
  CONSTRAINT uq_contact_visit_source UNIQUE (source_key),
  CONSTRAINT fk_contact_visit_person FOREIGN KEY (person_id) REFERENCES registry_person (id),
  CONSTRAINT ck_contact_visit_method CHECK (method IN ('HOME', 'PHONE', 'VIDEO')),
  CONSTRAINT ck_contact_visit_need CHECK (need_kind IN ('NONE', 'HARDSHIP', 'SERVICE', 'LEGAL_AID'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_contact_visit_person ON contact_visit (person_id, visited_on);
CREATE INDEX ix_contact_visit_region ON contact_visit (township_code, village_code, visited_on);

-- What a hardship application opened from a visit needs (cause, amount, income); filed after the
-- visit commits, the case number then stands in contact_visit.linked_case_number (or the Chinese
-- reason it was refused in link_refused).
CREATE TABLE contact_visit_hardship (
  visit_id         BIGINT        NOT NULL PRIMARY KEY,
  cause            VARCHAR(16)   NOT NULL,
  amount_requested DECIMAL(12,2) NOT NULL,
  monthly_income   DECIMAL(12,2) NOT NULL,
  CONSTRAINT fk_contact_hardship_visit FOREIGN KEY (visit_id) REFERENCES contact_visit (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
