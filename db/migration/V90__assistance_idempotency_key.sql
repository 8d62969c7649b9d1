-- Idempotent filing: a client (the filing page, an API client retrying after a timeout, a double
-- click) sends the same Idempotency-Key header for one application; the key is unique per filing
-- officer, so a second submission finds the first case instead of opening another.
ALTER TABLE assistance_application
  ADD COLUMN filed_by VARCHAR(64) NULL,
  ADD COLUMN idempotency_key VARCHAR(100) NULL,
  ADD CONSTRAINT uq_application_idempotency UNIQUE (filed_by, idempotency_key);
