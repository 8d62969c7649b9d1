-- Life events on the person record: death (opens funeral-support condolence) and moving away
-- (no longer on the township's festival lists). Dates only; who recorded them is in the history.
ALTER TABLE registry_person
  ADD COLUMN died_on        DATE        NULL,
  ADD COLUMN moved_away_on  DATE        NULL,
  ADD COLUMN moved_away_to  VARCHAR(64) NULL;

CREATE INDEX ix_person_township_category ON registry_person (township_code, category);
