-- The person search at 1,000,000 people (issue 16): indexes the search names in its key-contact
-- join (PersonRecordsService.keyContactDriver) and that keep a name prefix from reading the whole
-- register.
--   ix_person_name_township: a name prefix in a county (or wider): the range of the prefix, the
--     township checked in the index (replaces ix_person_name, its prefix);
--   ix_person_township_name: a name prefix in one township;
--   ix_person_flag_join: the key-contact flags joined to the register by id: every column the
--     search's conditions and sort keys read (township, village, category, name), so a flag costs
--     an index entry, not a row fetched from disk (0.9 s → 30 ms for one township's 空巢/独居 at
--     1,000,000 people with the default 128 MB buffer pool).
-- The search finds a page's ids in the indexes, then reads those rows only
-- (PersonRecordsService.summaries).
CREATE INDEX ix_person_name_township ON registry_person (name, township_code);
CREATE INDEX ix_person_township_name ON registry_person (township_code, name);
CREATE INDEX ix_person_flag_join ON registry_person (id, township_code, village_code, category, name);
DROP INDEX ix_person_name ON registry_person;
