-- 复核 (reconsideration) after a refusal of hardship assistance: the applicant may ask once, within
-- a period each region may set (default 15 calendar days, as the refusal notice says from the written refusal); a county
-- approver who took no part in the refusal decides within 10 working days.
ALTER TABLE assistance_policy
  ADD COLUMN reconsideration_days INT NOT NULL DEFAULT 15;

ALTER TABLE assistance_application
  ADD COLUMN reconsideration_requested_at DATETIME(6) NULL,
  ADD COLUMN reconsideration_outcome      VARCHAR(16) NULL,
  ADD COLUMN refused_by                   VARCHAR(64) NULL;

INSERT INTO casefile_stage (process_id, element_id, status, label, period_amount, period_unit) VALUES
  ('hardship-assistance', 'Task_Reconsideration', 'RECONSIDERING', '复核', 10, 'WORKING_DAYS');
