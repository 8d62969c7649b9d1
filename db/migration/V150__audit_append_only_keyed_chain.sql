-- Issue 15, items 4-6.
-- 1. The audit log is append-only in the database, as the ledger is (V50): the app's database user
--    has data rights only (no TRIGGER, no DROP, no ALTER), so it cannot remove these triggers either.
CREATE TRIGGER trg_audit_entry_no_update BEFORE UPDATE ON audit_entry FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_entry is append-only';

CREATE TRIGGER trg_audit_entry_no_delete BEFORE DELETE ON audit_entry FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_entry is append-only';

-- 2. The chain becomes keyed: hash = HMAC-SHA256 with a key that is not in the database, named by
--    key_id. Rows written before (key_id NULL) keep their plain SHA-256 hashes; at start-up the app
--    appends a CHAIN_ANCHOR entry whose keyed hash covers the last of them, so rewriting the old
--    segment and recomputing its hashes breaks the anchor's link (docs/audit.md).
ALTER TABLE audit_entry ADD COLUMN key_id VARCHAR(32) NULL;
