-- The key-contact search of a county or township (issue 16, p99 < 100 ms at 1,000,000 people): the
-- flag carries its person's township, kept by triggers, so the flags of one reason (or of any) are
-- read in the search page's default order (township, then person) within the region and a page
-- stops at its last row. Before, every flag of the reason was joined to the register and sorted by
-- township: 60-65 ms at p50 and 102-238 ms at p99 for a county's 20,000 flags of one reason.
ALTER TABLE contact_key_flag ADD COLUMN township_code VARCHAR(9) NULL;

UPDATE contact_key_flag f JOIN registry_person p ON p.id = f.person_id
  SET f.township_code = p.township_code;

-- one reason: reason, then township, then person (the active ones; a cleared flag's person is NULL)
CREATE INDEX ix_contact_flag_reason_township ON contact_key_flag (reason, township_code, active_person);
-- any reason: township, then person, then reason (a person with two reasons is read once)
CREATE INDEX ix_contact_flag_township ON contact_key_flag (township_code, active_person, reason);

DROP TRIGGER IF EXISTS trg_contact_flag_township_ins;
DROP TRIGGER IF EXISTS trg_contact_flag_township_upd;
DROP TRIGGER IF EXISTS trg_registry_person_township_upd;

DELIMITER $$
-- a new flag takes its person's township
CREATE TRIGGER trg_contact_flag_township_ins BEFORE INSERT ON contact_key_flag FOR EACH ROW
BEGIN
  SET NEW.township_code = (SELECT township_code FROM registry_person WHERE id = NEW.person_id);
END$$

-- a flag moved to another person (a merged duplicate) takes that person's township
CREATE TRIGGER trg_contact_flag_township_upd BEFORE UPDATE ON contact_key_flag FOR EACH ROW
BEGIN
  IF NOT (OLD.person_id <=> NEW.person_id) THEN
    SET NEW.township_code = (SELECT township_code FROM registry_person WHERE id = NEW.person_id);
  END IF;
END$$

-- a person who moves to another township takes their flags along
CREATE TRIGGER trg_registry_person_township_upd AFTER UPDATE ON registry_person FOR EACH ROW
BEGIN
  IF NOT (OLD.township_code <=> NEW.township_code) THEN
    UPDATE contact_key_flag SET township_code = NEW.township_code WHERE person_id = NEW.id;
  END IF;
END$$
DELIMITER ;
