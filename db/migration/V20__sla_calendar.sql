-- SLA business calendar (工作日历): holidays and make-up working days (调休) per region.
-- region_code '' = national; otherwise a division-code prefix whose rows override the levels
-- above it: 2 digits province, 4 city, 6 county (townships and villages follow their county).
-- kind HOLIDAY = a day off, WORKDAY = an official working day on a Saturday or Sunday; dates
-- without a row follow the normal week.
CREATE TABLE sla_calendar_day (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  region_code VARCHAR(12)  NOT NULL,
  day         DATE         NOT NULL,
  kind        VARCHAR(16)  NOT NULL,
  name        VARCHAR(64)  NOT NULL,
  source      VARCHAR(64)  NULL,
  created_at  TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  CONSTRAINT uq_sla_calendar_day UNIQUE (region_code, day),
  CONSTRAINT ck_sla_calendar_day_kind CHECK (kind IN ('HOLIDAY', 'WORKDAY')),
  CONSTRAINT ck_sla_calendar_day_region CHECK (region_code REGEXP '^([0-9]{2}|[0-9]{4}|[0-9]{6})?$')
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Years whose holiday notice is loaded for a region. A year without a loaded row (for the region
-- or a level above it) is counted with plain Monday–Friday weeks and flagged as a fall-back.
CREATE TABLE sla_calendar_year (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  region_code VARCHAR(12)  NOT NULL,
  year        INT          NOT NULL,
  loaded      BOOLEAN      NOT NULL,
  updated_at  TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  CONSTRAINT uq_sla_calendar_year UNIQUE (region_code, year),
  CONSTRAINT ck_sla_calendar_year_region CHECK (region_code REGEXP '^([0-9]{2}|[0-9]{4}|[0-9]{6})?$')
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- National days from the State Council General Office notices (shared/data/cn-public-holidays.csv).
INSERT INTO sla_calendar_day (region_code, day, kind, name, source) VALUES
  ('', '2025-01-01', 'HOLIDAY', '元旦', '国务院办公厅关于2025年部分节假日安排的通知'),
  ('', '2025-01-26', 'WORKDAY', '春节调休', '国务院办公厅关于2025年部分节假日安排的通知'),
  ('', '2025-01-28', 'HOLIDAY', '春节', '国务院办公厅关于2025年部分节假日安排的通知'),
  ('', '2025-01-29', 'HOLIDAY', '春节', '国务院办公厅关于2025年部分节假日安排的通知'),
  ('', '2025-01-30', 'HOLIDAY', '春节', '国务院办公厅关于2025年部分节假日安排的通知'),
  ('', '2025-01-31', 'HOLIDAY', '春节', '国务院办公厅关于2025年部分节假日安排的通知'),
  ('', '2025-02-01', 'HOLIDAY', '春节', '国务院办公厅关于2025年部分节假日安排的通知'),
  ('', '2025-02-02', 'HOLIDAY', '春节', '国务院办公厅关于2025年部分节假日安排的通知'),
  ('', '2025-02-03', 'HOLIDAY', '春节', '国务院办公厅关于2025年部分节假日安排的通知'),
  ('', '2025-02-04', 'HOLIDAY', '春节', '国务院办公厅关于2025年部分节假日安排的通知'),
  ('', '2025-02-08', 'WORKDAY', '春节调休', '国务院办公厅关于2025年部分节假日安排的通知'),
  ('', '2025-04-04', 'HOLIDAY', '清明节', '国务院办公厅关于2025年部分节假日安排的通知'),
  ('', '2025-04-05', 'HOLIDAY', '清明节', '国务院办公厅关于2025年部分节假日安排的通知'),
  ('', '2025-04-06', 'HOLIDAY', '清明节', '国务院办公厅关于2025年部分节假日安排的通知'),
  ('', '2025-04-27', 'WORKDAY', '劳动节调休', '国务院办公厅关于2025年部分节假日安排的通知'),
  ('', '2025-05-01', 'HOLIDAY', '劳动节', '国务院办公厅关于2025年部分节假日安排的通知'),
  ('', '2025-05-02', 'HOLIDAY', '劳动节', '国务院办公厅关于2025年部分节假日安排的通知'),
  ('', '2025-05-03', 'HOLIDAY', '劳动节', '国务院办公厅关于2025年部分节假日安排的通知'),
  ('', '2025-05-04', 'HOLIDAY', '劳动节', '国务院办公厅关于2025年部分节假日安排的通知'),
  ('', '2025-05-05', 'HOLIDAY', '劳动节', '国务院办公厅关于2025年部分节假日安排的通知'),
  ('', '2025-05-31', 'HOLIDAY', '端午节', '国务院办公厅关于2025年部分节假日安排的通知'),
  ('', '2025-06-01', 'HOLIDAY', '端午节', '国务院办公厅关于2025年部分节假日安排的通知'),
  ('', '2025-06-02', 'HOLIDAY', '端午节', '国务院办公厅关于2025年部分节假日安排的通知'),
  ('', '2025-09-28', 'WORKDAY', '国庆节调休', '国务院办公厅关于2025年部分节假日安排的通知'),
  ('', '2025-10-01', 'HOLIDAY', '国庆节、中秋节', '国务院办公厅关于2025年部分节假日安排的通知'),
  ('', '2025-10-02', 'HOLIDAY', '国庆节、中秋节', '国务院办公厅关于2025年部分节假日安排的通知'),
  ('', '2025-10-03', 'HOLIDAY', '国庆节、中秋节', '国务院办公厅关于2025年部分节假日安排的通知'),
  ('', '2025-10-04', 'HOLIDAY', '国庆节、中秋节', '国务院办公厅关于2025年部分节假日安排的通知'),
  ('', '2025-10-05', 'HOLIDAY', '国庆节、中秋节', '国务院办公厅关于2025年部分节假日安排的通知'),
  ('', '2025-10-06', 'HOLIDAY', '国庆节、中秋节', '国务院办公厅关于2025年部分节假日安排的通知'),
  ('', '2025-10-07', 'HOLIDAY', '国庆节、中秋节', '国务院办公厅关于2025年部分节假日安排的通知'),
  ('', '2025-10-08', 'HOLIDAY', '国庆节、中秋节', '国务院办公厅关于2025年部分节假日安排的通知'),
  ('', '2025-10-11', 'WORKDAY', '国庆节调休', '国务院办公厅关于2025年部分节假日安排的通知'),
  ('', '2026-01-01', 'HOLIDAY', '元旦', '国务院办公厅关于2026年部分节假日安排的通知'),
  ('', '2026-01-02', 'HOLIDAY', '元旦', '国务院办公厅关于2026年部分节假日安排的通知'),
  ('', '2026-01-03', 'HOLIDAY', '元旦', '国务院办公厅关于2026年部分节假日安排的通知'),
  ('', '2026-01-04', 'WORKDAY', '元旦调休', '国务院办公厅关于2026年部分节假日安排的通知'),
  ('', '2026-02-14', 'WORKDAY', '春节调休', '国务院办公厅关于2026年部分节假日安排的通知'),
  ('', '2026-02-15', 'HOLIDAY', '春节', '国务院办公厅关于2026年部分节假日安排的通知'),
  ('', '2026-02-16', 'HOLIDAY', '春节', '国务院办公厅关于2026年部分节假日安排的通知'),
  ('', '2026-02-17', 'HOLIDAY', '春节', '国务院办公厅关于2026年部分节假日安排的通知'),
  ('', '2026-02-18', 'HOLIDAY', '春节', '国务院办公厅关于2026年部分节假日安排的通知'),
  ('', '2026-02-19', 'HOLIDAY', '春节', '国务院办公厅关于2026年部分节假日安排的通知'),
  ('', '2026-02-20', 'HOLIDAY', '春节', '国务院办公厅关于2026年部分节假日安排的通知'),
  ('', '2026-02-21', 'HOLIDAY', '春节', '国务院办公厅关于2026年部分节假日安排的通知'),
  ('', '2026-02-22', 'HOLIDAY', '春节', '国务院办公厅关于2026年部分节假日安排的通知'),
  ('', '2026-02-23', 'HOLIDAY', '春节', '国务院办公厅关于2026年部分节假日安排的通知'),
  ('', '2026-02-28', 'WORKDAY', '春节调休', '国务院办公厅关于2026年部分节假日安排的通知'),
  ('', '2026-04-04', 'HOLIDAY', '清明节', '国务院办公厅关于2026年部分节假日安排的通知'),
  ('', '2026-04-05', 'HOLIDAY', '清明节', '国务院办公厅关于2026年部分节假日安排的通知'),
  ('', '2026-04-06', 'HOLIDAY', '清明节', '国务院办公厅关于2026年部分节假日安排的通知'),
  ('', '2026-05-01', 'HOLIDAY', '劳动节', '国务院办公厅关于2026年部分节假日安排的通知'),
  ('', '2026-05-02', 'HOLIDAY', '劳动节', '国务院办公厅关于2026年部分节假日安排的通知'),
  ('', '2026-05-03', 'HOLIDAY', '劳动节', '国务院办公厅关于2026年部分节假日安排的通知'),
  ('', '2026-05-04', 'HOLIDAY', '劳动节', '国务院办公厅关于2026年部分节假日安排的通知'),
  ('', '2026-05-05', 'HOLIDAY', '劳动节', '国务院办公厅关于2026年部分节假日安排的通知'),
  ('', '2026-05-09', 'WORKDAY', '劳动节调休', '国务院办公厅关于2026年部分节假日安排的通知'),
  ('', '2026-06-19', 'HOLIDAY', '端午节', '国务院办公厅关于2026年部分节假日安排的通知'),
  ('', '2026-06-20', 'HOLIDAY', '端午节', '国务院办公厅关于2026年部分节假日安排的通知'),
  ('', '2026-06-21', 'HOLIDAY', '端午节', '国务院办公厅关于2026年部分节假日安排的通知'),
  ('', '2026-09-20', 'WORKDAY', '国庆节调休', '国务院办公厅关于2026年部分节假日安排的通知'),
  ('', '2026-09-25', 'HOLIDAY', '中秋节', '国务院办公厅关于2026年部分节假日安排的通知'),
  ('', '2026-09-26', 'HOLIDAY', '中秋节', '国务院办公厅关于2026年部分节假日安排的通知'),
  ('', '2026-09-27', 'HOLIDAY', '中秋节', '国务院办公厅关于2026年部分节假日安排的通知'),
  ('', '2026-10-01', 'HOLIDAY', '国庆节', '国务院办公厅关于2026年部分节假日安排的通知'),
  ('', '2026-10-02', 'HOLIDAY', '国庆节', '国务院办公厅关于2026年部分节假日安排的通知'),
  ('', '2026-10-03', 'HOLIDAY', '国庆节', '国务院办公厅关于2026年部分节假日安排的通知'),
  ('', '2026-10-04', 'HOLIDAY', '国庆节', '国务院办公厅关于2026年部分节假日安排的通知'),
  ('', '2026-10-05', 'HOLIDAY', '国庆节', '国务院办公厅关于2026年部分节假日安排的通知'),
  ('', '2026-10-06', 'HOLIDAY', '国庆节', '国务院办公厅关于2026年部分节假日安排的通知'),
  ('', '2026-10-07', 'HOLIDAY', '国庆节', '国务院办公厅关于2026年部分节假日安排的通知'),
  ('', '2026-10-10', 'WORKDAY', '国庆节调休', '国务院办公厅关于2026年部分节假日安排的通知');

INSERT INTO sla_calendar_year (region_code, year, loaded) VALUES
  ('', 2025, TRUE),
  ('', 2026, TRUE);
