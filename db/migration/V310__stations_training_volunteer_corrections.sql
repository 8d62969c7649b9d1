-- Corrections of training and volunteer records (issue 19): a course can be edited or deleted, an
-- attendance removed, a volunteer activity edited or voided, each with a reason. Every correction
-- is kept here (append-only history: what the record was, what it became, why, who, when) and in the
-- audit log.
--
-- A volunteer activity is voided, not deleted: each person it served was recorded as a visit in the
-- contact programme (contact_visit), which closed that person's open plan rows and ended their
-- contact-visit tasks; that cannot be undone safely, so the activity stays with who voided it and
-- why, and no longer counts for the team, its hours or the sheet's items 53–54.
ALTER TABLE stations_volunteer_activity
  ADD COLUMN voided_at   TIMESTAMP(6) NULL,
  ADD COLUMN voided_by   VARCHAR(64)  NULL,
  ADD COLUMN void_reason VARCHAR(500) NULL;

CREATE TABLE stations_record_change (
  id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  record_kind  VARCHAR(16)   NOT NULL,
  record_id    BIGINT        NOT NULL,
  region_code  VARCHAR(12)   NOT NULL,
  action       VARCHAR(16)   NOT NULL,
  old_value    VARCHAR(2000) NULL,
  new_value    VARCHAR(2000) NULL,
  reason       VARCHAR(500)  NOT NULL,
  changed_by   VARCHAR(64)   NOT NULL,
  changed_at   TIMESTAMP(6)  NOT NULL,
  CONSTRAINT ck_stations_record_kind CHECK (record_kind IN ('COURSE', 'ATTENDANCE', 'ACTIVITY')),
  CONSTRAINT ck_stations_record_action CHECK (action IN ('EDIT', 'DELETE', 'VOID'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_stations_record_change ON stations_record_change (record_kind, record_id, id);
