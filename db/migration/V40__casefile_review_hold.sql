-- A case is held for review when a task was completed by someone outside its candidate group
-- (Tasklist 8.6 without Identity cannot prevent it, so the product detects it).
ALTER TABLE casefile_case
  ADD COLUMN review_hold        BOOLEAN       NOT NULL DEFAULT FALSE,
  ADD COLUMN review_hold_reason VARCHAR(500)  NULL;

CREATE INDEX ix_case_scope ON casefile_case (township_code, village_code, filed_at);
