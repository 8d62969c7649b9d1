-- Payments are append-only: a correction is a reversing entry (negative amount, a reason and the
-- entry it reverses), never an UPDATE. Each disbursement also carries the household and the cause
-- so that help from another programme for the same cause in the same period can be found.
ALTER TABLE ledger_disbursement
  ADD COLUMN entry_type   VARCHAR(8)   NOT NULL DEFAULT 'PAYMENT' AFTER disbursement_id,
  ADD COLUMN revision     INT          NOT NULL DEFAULT 1 AFTER period,
  ADD COLUMN reverses_id  VARCHAR(40)  NULL,
  ADD COLUMN cause        VARCHAR(32)  NULL,
  ADD COLUMN household_id BIGINT       NULL,
  ADD COLUMN reason       VARCHAR(500) NULL,
  ADD COLUMN recorded_by  VARCHAR(64)  NULL;

UPDATE ledger_disbursement SET cause = purpose, household_id = beneficiary_person_id;

ALTER TABLE ledger_disbursement
  MODIFY cause VARCHAR(32) NOT NULL,
  MODIFY household_id BIGINT NOT NULL,
  DROP CONSTRAINT ck_disbursement_amount,
  DROP INDEX uq_disbursement_once,
  -- a payment key pays once per revision (a correction adds revision n+1 after reversing n);
  -- reversal rows repeat the revision of the payment they reverse
  ADD CONSTRAINT uq_disbursement_once
    UNIQUE (case_number, beneficiary_person_id, purpose, period, revision, entry_type),
  -- an entry is reversed at most once
  ADD CONSTRAINT uq_disbursement_reverses UNIQUE (reverses_id),
  ADD CONSTRAINT fk_disbursement_reverses
    FOREIGN KEY (reverses_id) REFERENCES ledger_disbursement (disbursement_id),
  ADD CONSTRAINT ck_disbursement_entry CHECK (
    (entry_type = 'PAYMENT' AND amount > 0 AND reverses_id IS NULL)
    OR (entry_type = 'REVERSAL' AND amount < 0 AND reverses_id IS NOT NULL AND reason IS NOT NULL));

CREATE INDEX ix_disbursement_household ON ledger_disbursement (household_id, cause, period);
CREATE INDEX ix_disbursement_totals ON ledger_disbursement (region_code, programme, period);

-- the database itself refuses to change or remove a ledger line
CREATE TRIGGER trg_ledger_disbursement_no_update BEFORE UPDATE ON ledger_disbursement FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ledger_disbursement is append-only: book a reversal';

CREATE TRIGGER trg_ledger_disbursement_no_delete BEFORE DELETE ON ledger_disbursement FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ledger_disbursement is append-only: book a reversal';

-- Cross-programme duplicate rule per region (county or township; '' = national default):
-- the same household, cause and period from another programme is always shown to the approver,
-- and blocked where block_cross_programme is set.
CREATE TABLE ledger_duplicate_rule (
  region_code           VARCHAR(12)  NOT NULL PRIMARY KEY,
  block_cross_programme BOOLEAN      NOT NULL,
  note                  VARCHAR(255) NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO ledger_duplicate_rule (region_code, block_cross_programme, note)
VALUES ('', FALSE, '全国默认：跨项目同一事由同一期间提示审批人，不拦截');

-- A finance/bank result file and its lines with what matching found.
CREATE TABLE ledger_reconciliation (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  file_name   VARCHAR(255) NOT NULL,
  imported_by VARCHAR(64)  NOT NULL,
  imported_at TIMESTAMP(6) NOT NULL,
  line_count  INT          NOT NULL,
  mismatches  INT          NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE ledger_reconciliation_line (
  id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  reconciliation_id BIGINT        NOT NULL,
  line_no           INT           NOT NULL,
  disbursement_id   VARCHAR(64)   NOT NULL,
  amount            DECIMAL(12,2) NULL,
  ledger_amount     DECIMAL(12,2) NULL,
  bank_status       VARCHAR(16)   NOT NULL,
  paid_on           DATE          NULL,
  finding           VARCHAR(24)   NOT NULL,
  detail            VARCHAR(500)  NULL,
  CONSTRAINT fk_reconciliation_line FOREIGN KEY (reconciliation_id) REFERENCES ledger_reconciliation (id),
  CONSTRAINT uq_reconciliation_line UNIQUE (reconciliation_id, line_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_reconciliation_line_disbursement ON ledger_reconciliation_line (disbursement_id, finding);
