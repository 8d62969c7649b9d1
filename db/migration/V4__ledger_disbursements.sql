-- Every payment is a disbursement with its own id. One (case, beneficiary, purpose, period)
-- pays at most once: the unique key holds even when a worker runs twice or two race.
CREATE TABLE ledger_disbursement (
  id                    BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  disbursement_id       VARCHAR(40)   NOT NULL,
  case_number           VARCHAR(32)   NOT NULL,
  beneficiary_person_id BIGINT        NOT NULL,
  programme             VARCHAR(16)   NOT NULL,
  purpose               VARCHAR(32)   NOT NULL,
  period                VARCHAR(16)   NOT NULL,
  amount                DECIMAL(12,2) NOT NULL,
  region_code           VARCHAR(12)   NOT NULL,
  created_at            TIMESTAMP(6)  NOT NULL,
  CONSTRAINT uq_disbursement_id UNIQUE (disbursement_id),
  CONSTRAINT uq_disbursement_once UNIQUE (case_number, beneficiary_person_id, purpose, period),
  CONSTRAINT ck_disbursement_amount CHECK (amount > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_disbursement_beneficiary ON ledger_disbursement (beneficiary_person_id, period);
