-- The city roll-up from the summaries only (docs/reports.md, "Monthly roll-up"): what the county and
-- city reports still read from the source tables (the petition section, legal aid's outcomes and
-- matters) goes into the daily counts, the backlog of petitions into its own small table, and every
-- daily table gets a monthly twin (the same columns; `day` is the month's first day) that the app
-- rolls up from the days whenever it rebuilds them. A period reads its whole months from the
-- monthly tables and its odd days at either end from the daily ones.

-- legal aid's outcomes carry the money recovered
ALTER TABLE report_daily_count ADD COLUMN amount DECIMAL(16,2) NOT NULL DEFAULT 0;

CREATE TABLE report_monthly LIKE report_daily;
CREATE TABLE report_monthly_count LIKE report_daily_count;
CREATE TABLE report_monthly_persons LIKE report_daily_persons;

-- 信访积案: petitions by county, China day of registration, China day the case closed ('9999-12-31'
-- while open) and whether registered exactly at China midnight (the age in whole days at a
-- period's end e is TIMESTAMPDIFF(DAY, registered_at, e) = e's day − day − 1 + midnight).
CREATE TABLE report_petition_backlog (
  county_code VARCHAR(12) NOT NULL,
  day         DATE        NOT NULL,
  closed_day  DATE        NOT NULL,
  midnight    TINYINT     NOT NULL,
  n           INT         NOT NULL,
  PRIMARY KEY (county_code, day, closed_day, midnight)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The triggers now mark every day a petition or legal-aid figure depends on. They replace V290's
-- (same names); report_mark stays.
DROP TRIGGER IF EXISTS trg_report_case_upd;
DROP TRIGGER IF EXISTS trg_report_legalaid_ins;
DROP TRIGGER IF EXISTS trg_report_legalaid_upd;
DROP TRIGGER IF EXISTS trg_report_legalaid_del;
DROP TRIGGER IF EXISTS trg_report_petition_ins;
DROP TRIGGER IF EXISTS trg_report_petition_upd;
DROP TRIGGER IF EXISTS trg_report_petition_del;

DELIMITER $$
-- the days of one petition row (registered, decided, review and re-review asked and answered) and
-- of its case's closing, in the case's county
CREATE PROCEDURE report_mark_petition(IN p_case_id BIGINT, IN p_registered TIMESTAMP(6),
    IN p_decided TIMESTAMP(6), IN p_review_req TIMESTAMP(6), IN p_rereview_req TIMESTAMP(6),
    IN p_review TIMESTAMP(6), IN p_rereview TIMESTAMP(6))
  MODIFIES SQL DATA
BEGIN
  DECLARE v_county VARCHAR(12);
  DECLARE v_closed TIMESTAMP(6);
  SELECT county_code, closed_at INTO v_county, v_closed FROM casefile_case WHERE id = p_case_id;
  CALL report_mark(v_county, p_registered);
  CALL report_mark(v_county, p_decided);
  CALL report_mark(v_county, p_review_req);
  CALL report_mark(v_county, p_rereview_req);
  CALL report_mark(v_county, p_review);
  CALL report_mark(v_county, p_rereview);
  CALL report_mark(v_county, v_closed);
END$$

-- the days of one legal-aid application: closed (outcome, money) and its case's filing (matter)
CREATE PROCEDURE report_mark_legalaid(IN p_case_id BIGINT, IN p_closed TIMESTAMP(6))
  MODIFIES SQL DATA
BEGIN
  DECLARE v_county VARCHAR(12);
  DECLARE v_filed TIMESTAMP(6);
  SELECT county_code, filed_at INTO v_county, v_filed FROM casefile_case WHERE id = p_case_id;
  CALL report_mark(v_county, p_closed);
  CALL report_mark(v_county, v_filed);
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
    -- the petition's backlog row is keyed by its registration day; legal aid's outcome by its
    -- own closing day (both in the case's county)
    INSERT IGNORE INTO report_dirty (county_code, day)
      SELECT OLD.county_code,
             DATE('1970-01-01') + INTERVAL FLOOR((UNIX_TIMESTAMP(pt.registered_at) + 28800) / 86400) DAY
      FROM petition pt WHERE pt.case_id = OLD.id AND OLD.county_code IS NOT NULL;
    INSERT IGNORE INTO report_dirty (county_code, day)
      SELECT OLD.county_code,
             DATE('1970-01-01') + INTERVAL FLOOR((UNIX_TIMESTAMP(la.closed_at) + 28800) / 86400) DAY
      FROM legalaid_application la
      WHERE la.case_id = OLD.id AND la.closed_at IS NOT NULL AND OLD.county_code IS NOT NULL;
    INSERT IGNORE INTO report_dirty (county_code, day)
      SELECT NEW.county_code,
             DATE('1970-01-01') + INTERVAL FLOOR((UNIX_TIMESTAMP(pt.registered_at) + 28800) / 86400) DAY
      FROM petition pt WHERE pt.case_id = NEW.id AND NEW.county_code IS NOT NULL;
    INSERT IGNORE INTO report_dirty (county_code, day)
      SELECT NEW.county_code,
             DATE('1970-01-01') + INTERVAL FLOOR((UNIX_TIMESTAMP(la.closed_at) + 28800) / 86400) DAY
      FROM legalaid_application la
      WHERE la.case_id = NEW.id AND la.closed_at IS NOT NULL AND NEW.county_code IS NOT NULL;
  END IF;
END$$

CREATE TRIGGER trg_report_legalaid_ins AFTER INSERT ON legalaid_application FOR EACH ROW
BEGIN
  CALL report_mark_legalaid(NEW.case_id, NEW.closed_at);
END$$

CREATE TRIGGER trg_report_legalaid_upd AFTER UPDATE ON legalaid_application FOR EACH ROW
BEGIN
  IF NOT (OLD.closed_at <=> NEW.closed_at AND OLD.money_recovered <=> NEW.money_recovered
          AND OLD.case_id <=> NEW.case_id AND OLD.outcome <=> NEW.outcome
          AND OLD.matter_type <=> NEW.matter_type) THEN
    CALL report_mark_legalaid(OLD.case_id, OLD.closed_at);
    CALL report_mark_legalaid(NEW.case_id, NEW.closed_at);
  END IF;
END$$

CREATE TRIGGER trg_report_legalaid_del AFTER DELETE ON legalaid_application FOR EACH ROW
BEGIN
  CALL report_mark_legalaid(OLD.case_id, OLD.closed_at);
END$$

CREATE TRIGGER trg_report_petition_ins AFTER INSERT ON petition FOR EACH ROW
BEGIN
  CALL report_mark_petition(NEW.case_id, NEW.registered_at, NEW.decided_at,
      NEW.review_requested_at, NEW.rereview_requested_at, NEW.review_at, NEW.rereview_at);
END$$

CREATE TRIGGER trg_report_petition_upd AFTER UPDATE ON petition FOR EACH ROW
BEGIN
  IF NOT (OLD.registered_at <=> NEW.registered_at AND OLD.group_size <=> NEW.group_size
          AND OLD.case_id <=> NEW.case_id AND OLD.channel <=> NEW.channel
          AND OLD.decision <=> NEW.decision AND OLD.decided_at <=> NEW.decided_at
          AND OLD.extension_days <=> NEW.extension_days
          AND OLD.review_requested_at <=> NEW.review_requested_at
          AND OLD.rereview_requested_at <=> NEW.rereview_requested_at
          AND OLD.review_at <=> NEW.review_at AND OLD.review_outcome <=> NEW.review_outcome
          AND OLD.rereview_at <=> NEW.rereview_at
          AND OLD.rereview_outcome <=> NEW.rereview_outcome) THEN
    CALL report_mark_petition(OLD.case_id, OLD.registered_at, OLD.decided_at,
        OLD.review_requested_at, OLD.rereview_requested_at, OLD.review_at, OLD.rereview_at);
    CALL report_mark_petition(NEW.case_id, NEW.registered_at, NEW.decided_at,
        NEW.review_requested_at, NEW.rereview_requested_at, NEW.review_at, NEW.rereview_at);
  END IF;
END$$

CREATE TRIGGER trg_report_petition_del AFTER DELETE ON petition FOR EACH ROW
BEGIN
  CALL report_mark_petition(OLD.case_id, OLD.registered_at, OLD.decided_at,
      OLD.review_requested_at, OLD.rereview_requested_at, OLD.review_at, OLD.rereview_at);
END$$
DELIMITER ;

-- Back-fill: every day already summarised, and every day a petition or legal-aid figure falls on,
-- is rebuilt once (which also fills the monthly tables).
INSERT IGNORE INTO report_dirty (county_code, day) SELECT DISTINCT county_code, day FROM report_daily;
INSERT IGNORE INTO report_dirty (county_code, day)
  SELECT DISTINCT county_code, day FROM report_daily_count;
INSERT IGNORE INTO report_dirty (county_code, day)
  SELECT DISTINCT county_code, day FROM report_daily_persons;
INSERT IGNORE INTO report_dirty (county_code, day)
  SELECT c.county_code, DATE('1970-01-01') + INTERVAL FLOOR((UNIX_TIMESTAMP(t.at) + 28800) / 86400) DAY
  FROM (SELECT case_id, registered_at AS at FROM petition
        UNION ALL SELECT case_id, decided_at FROM petition WHERE decided_at IS NOT NULL
        UNION ALL SELECT case_id, review_requested_at FROM petition WHERE review_requested_at IS NOT NULL
        UNION ALL SELECT case_id, rereview_requested_at FROM petition WHERE rereview_requested_at IS NOT NULL
        UNION ALL SELECT case_id, review_at FROM petition WHERE review_at IS NOT NULL
        UNION ALL SELECT case_id, rereview_at FROM petition WHERE rereview_at IS NOT NULL) t
  JOIN casefile_case c ON c.id = t.case_id;
