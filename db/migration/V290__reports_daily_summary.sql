-- Pre-aggregated report figures (docs/reports.md): per county, China day and programme (and the
-- township where the report breaks a county down), kept current incrementally. Triggers on the
-- source tables mark (county, day) dirty; the app rebuilds dirty days before a county or city
-- report reads them and every minute (ReportSummaries). The app's login has data rights only, so
-- the triggers and the procedure live here (the owner's migration) and run with the owner's rights.
CREATE TABLE report_daily (
  county_code     VARCHAR(12)   NOT NULL,
  day             DATE          NOT NULL,
  programme       VARCHAR(16)   NOT NULL,
  township_code   VARCHAR(12)   NOT NULL DEFAULT '',
  received        INT           NOT NULL DEFAULT 0,
  closed          INT           NOT NULL DEFAULT 0,
  refused         INT           NOT NULL DEFAULT 0,
  clocks_stopped  INT           NOT NULL DEFAULT 0,
  clocks_on_time  INT           NOT NULL DEFAULT 0,
  clocks_extended INT           NOT NULL DEFAULT 0,
  payments        INT           NOT NULL DEFAULT 0,
  reversals       INT           NOT NULL DEFAULT 0,
  paid            DECIMAL(16,2) NOT NULL DEFAULT 0,
  person_times    INT           NOT NULL DEFAULT 0,
  recovered       DECIMAL(16,2) NOT NULL DEFAULT 0,
  PRIMARY KEY (county_code, day, programme, township_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Counts by a code: consultations by topic (metric TOPIC), ratings by township (metric RATING).
CREATE TABLE report_daily_count (
  county_code   VARCHAR(12) NOT NULL,
  day           DATE        NOT NULL,
  metric        VARCHAR(16) NOT NULL,
  dim           VARCHAR(32) NOT NULL,
  township_code VARCHAR(12) NOT NULL DEFAULT '',
  n             INT         NOT NULL,
  PRIMARY KEY (county_code, day, metric, dim, township_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The distinct persons of a day (applicants of the cases filed: kind CASE; beneficiaries paid:
-- kind PAY) as a sorted set of person ids, delta-encoded varints: 人数 over any period is the size
-- of the union of its days' sets (人次 are sums, 人数 are not).
CREATE TABLE report_daily_persons (
  county_code VARCHAR(12) NOT NULL,
  day         DATE        NOT NULL,
  programme   VARCHAR(16) NOT NULL,
  kind        VARCHAR(4)  NOT NULL,
  persons     INT         NOT NULL,
  ids         MEDIUMBLOB  NOT NULL,
  PRIMARY KEY (county_code, day, programme, kind)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE report_dirty (
  county_code VARCHAR(12)  NOT NULL,
  day         DATE         NOT NULL,
  marked_at   TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (county_code, day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The China day (UTC+8, no daylight saving) of an instant; UNIX_TIMESTAMP of a TIMESTAMP column
-- does not depend on the session's time zone.
DELIMITER $$
CREATE PROCEDURE report_mark(IN p_county VARCHAR(12), IN p_at TIMESTAMP(6))
  MODIFIES SQL DATA
BEGIN
  IF p_county IS NOT NULL AND p_at IS NOT NULL THEN
    INSERT IGNORE INTO report_dirty (county_code, day)
      VALUES (p_county, DATE('1970-01-01') + INTERVAL FLOOR((UNIX_TIMESTAMP(p_at) + 28800) / 86400) DAY);
  END IF;
END$$

CREATE TRIGGER trg_report_case_ins AFTER INSERT ON casefile_case FOR EACH ROW
BEGIN
  CALL report_mark(NEW.county_code, NEW.filed_at);
  CALL report_mark(NEW.county_code, NEW.closed_at);
END$$

CREATE TRIGGER trg_report_case_upd AFTER UPDATE ON casefile_case FOR EACH ROW
BEGIN
  IF NOT (OLD.filed_at <=> NEW.filed_at AND OLD.closed_at <=> NEW.closed_at
          AND OLD.status <=> NEW.status AND OLD.case_type <=> NEW.case_type
          AND OLD.county_code <=> NEW.county_code AND OLD.township_code <=> NEW.township_code
          AND OLD.applicant_person_id <=> NEW.applicant_person_id) THEN
    CALL report_mark(OLD.county_code, OLD.filed_at);
    CALL report_mark(OLD.county_code, OLD.closed_at);
    CALL report_mark(NEW.county_code, NEW.filed_at);
    CALL report_mark(NEW.county_code, NEW.closed_at);
  END IF;
END$$

CREATE TRIGGER trg_report_case_del AFTER DELETE ON casefile_case FOR EACH ROW
BEGIN
  CALL report_mark(OLD.county_code, OLD.filed_at);
  CALL report_mark(OLD.county_code, OLD.closed_at);
END$$

-- the ledger is append-only (V50): inserts only
CREATE TRIGGER trg_report_ledger_ins AFTER INSERT ON ledger_disbursement FOR EACH ROW
BEGIN
  CALL report_mark(LEFT(NEW.region_code, 6), NEW.created_at);
END$$

CREATE TRIGGER trg_report_clock_ins AFTER INSERT ON sla_clock FOR EACH ROW
BEGIN
  CALL report_mark(NEW.county_code, NEW.stopped_at);
END$$

CREATE TRIGGER trg_report_clock_upd AFTER UPDATE ON sla_clock FOR EACH ROW
BEGIN
  IF NOT (OLD.state <=> NEW.state AND OLD.stopped_at <=> NEW.stopped_at
          AND OLD.due_at <=> NEW.due_at AND OLD.extensions <=> NEW.extensions
          AND OLD.case_type <=> NEW.case_type AND OLD.clock_key <=> NEW.clock_key
          AND OLD.county_code <=> NEW.county_code) THEN
    CALL report_mark(OLD.county_code, OLD.stopped_at);
    CALL report_mark(NEW.county_code, NEW.stopped_at);
  END IF;
END$$

CREATE TRIGGER trg_report_clock_del AFTER DELETE ON sla_clock FOR EACH ROW
BEGIN
  CALL report_mark(OLD.county_code, OLD.stopped_at);
END$$

CREATE TRIGGER trg_report_legalaid_ins AFTER INSERT ON legalaid_application FOR EACH ROW
BEGIN
  IF NEW.closed_at IS NOT NULL THEN
    CALL report_mark((SELECT county_code FROM casefile_case WHERE id = NEW.case_id), NEW.closed_at);
  END IF;
END$$

CREATE TRIGGER trg_report_legalaid_upd AFTER UPDATE ON legalaid_application FOR EACH ROW
BEGIN
  IF NOT (OLD.closed_at <=> NEW.closed_at AND OLD.money_recovered <=> NEW.money_recovered
          AND OLD.case_id <=> NEW.case_id) THEN
    CALL report_mark((SELECT county_code FROM casefile_case WHERE id = OLD.case_id), OLD.closed_at);
    CALL report_mark((SELECT county_code FROM casefile_case WHERE id = NEW.case_id), NEW.closed_at);
  END IF;
END$$

CREATE TRIGGER trg_report_legalaid_del AFTER DELETE ON legalaid_application FOR EACH ROW
BEGIN
  CALL report_mark((SELECT county_code FROM casefile_case WHERE id = OLD.case_id), OLD.closed_at);
END$$

CREATE TRIGGER trg_report_petition_ins AFTER INSERT ON petition FOR EACH ROW
BEGIN
  CALL report_mark((SELECT county_code FROM casefile_case WHERE id = NEW.case_id), NEW.registered_at);
END$$

CREATE TRIGGER trg_report_petition_upd AFTER UPDATE ON petition FOR EACH ROW
BEGIN
  IF NOT (OLD.registered_at <=> NEW.registered_at AND OLD.group_size <=> NEW.group_size
          AND OLD.case_id <=> NEW.case_id) THEN
    CALL report_mark((SELECT county_code FROM casefile_case WHERE id = OLD.case_id), OLD.registered_at);
    CALL report_mark((SELECT county_code FROM casefile_case WHERE id = NEW.case_id), NEW.registered_at);
  END IF;
END$$

CREATE TRIGGER trg_report_petition_del AFTER DELETE ON petition FOR EACH ROW
BEGIN
  CALL report_mark((SELECT county_code FROM casefile_case WHERE id = OLD.case_id), OLD.registered_at);
END$$

CREATE TRIGGER trg_report_consultation_ins AFTER INSERT ON legalaid_consultation FOR EACH ROW
BEGIN
  CALL report_mark(NEW.county_code, NEW.logged_at);
END$$

CREATE TRIGGER trg_report_consultation_upd AFTER UPDATE ON legalaid_consultation FOR EACH ROW
BEGIN
  IF NOT (OLD.logged_at <=> NEW.logged_at AND OLD.topic <=> NEW.topic
          AND OLD.county_code <=> NEW.county_code) THEN
    CALL report_mark(OLD.county_code, OLD.logged_at);
    CALL report_mark(NEW.county_code, NEW.logged_at);
  END IF;
END$$

CREATE TRIGGER trg_report_consultation_del AFTER DELETE ON legalaid_consultation FOR EACH ROW
BEGIN
  CALL report_mark(OLD.county_code, OLD.logged_at);
END$$

CREATE TRIGGER trg_report_rating_ins AFTER INSERT ON satisfaction_rating FOR EACH ROW
BEGIN
  CALL report_mark(NEW.county_code, NEW.collected_at);
END$$

CREATE TRIGGER trg_report_rating_upd AFTER UPDATE ON satisfaction_rating FOR EACH ROW
BEGIN
  IF NOT (OLD.collected_at <=> NEW.collected_at AND OLD.rating <=> NEW.rating
          AND OLD.county_code <=> NEW.county_code AND OLD.township_code <=> NEW.township_code) THEN
    CALL report_mark(OLD.county_code, OLD.collected_at);
    CALL report_mark(NEW.county_code, NEW.collected_at);
  END IF;
END$$

CREATE TRIGGER trg_report_rating_del AFTER DELETE ON satisfaction_rating FOR EACH ROW
BEGIN
  CALL report_mark(OLD.county_code, OLD.collected_at);
END$$
DELIMITER ;

-- Back-fill: every (county, day) with data is dirty once; the first rebuild (at start-up and every
-- minute, or before a report) builds it.
INSERT IGNORE INTO report_dirty (county_code, day)
  SELECT county_code, DATE('1970-01-01') + INTERVAL FLOOR((UNIX_TIMESTAMP(filed_at) + 28800) / 86400) DAY
  FROM casefile_case;
INSERT IGNORE INTO report_dirty (county_code, day)
  SELECT county_code, DATE('1970-01-01') + INTERVAL FLOOR((UNIX_TIMESTAMP(closed_at) + 28800) / 86400) DAY
  FROM casefile_case WHERE closed_at IS NOT NULL;
INSERT IGNORE INTO report_dirty (county_code, day)
  SELECT LEFT(region_code, 6), DATE('1970-01-01') + INTERVAL FLOOR((UNIX_TIMESTAMP(created_at) + 28800) / 86400) DAY
  FROM ledger_disbursement;
INSERT IGNORE INTO report_dirty (county_code, day)
  SELECT county_code, DATE('1970-01-01') + INTERVAL FLOOR((UNIX_TIMESTAMP(stopped_at) + 28800) / 86400) DAY
  FROM sla_clock WHERE stopped_at IS NOT NULL;
INSERT IGNORE INTO report_dirty (county_code, day)
  SELECT c.county_code, DATE('1970-01-01') + INTERVAL FLOOR((UNIX_TIMESTAMP(la.closed_at) + 28800) / 86400) DAY
  FROM legalaid_application la JOIN casefile_case c ON c.id = la.case_id WHERE la.closed_at IS NOT NULL;
INSERT IGNORE INTO report_dirty (county_code, day)
  SELECT c.county_code, DATE('1970-01-01') + INTERVAL FLOOR((UNIX_TIMESTAMP(pt.registered_at) + 28800) / 86400) DAY
  FROM petition pt JOIN casefile_case c ON c.id = pt.case_id;
INSERT IGNORE INTO report_dirty (county_code, day)
  SELECT county_code, DATE('1970-01-01') + INTERVAL FLOOR((UNIX_TIMESTAMP(logged_at) + 28800) / 86400) DAY
  FROM legalaid_consultation;
INSERT IGNORE INTO report_dirty (county_code, day)
  SELECT county_code, DATE('1970-01-01') + INTERVAL FLOOR((UNIX_TIMESTAMP(collected_at) + 28800) / 86400) DAY
  FROM satisfaction_rating;
