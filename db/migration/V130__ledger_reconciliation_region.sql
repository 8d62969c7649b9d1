-- A reconciliation batch belongs to the region of the officer who imported it: only officers whose
-- region covers it may read it (batch ids are sequential). Earlier batches take their importer's
-- region; a batch whose importer is unknown keeps NULL and is readable by nobody through the pages.
ALTER TABLE ledger_reconciliation ADD COLUMN region_code VARCHAR(12) NULL AFTER imported_by;

UPDATE ledger_reconciliation r
  JOIN jurisdiction_staff s ON s.username = r.imported_by
   SET r.region_code = s.region_code;

CREATE INDEX ix_reconciliation_region ON ledger_reconciliation (region_code);
