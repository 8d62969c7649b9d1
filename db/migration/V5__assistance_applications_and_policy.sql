-- 困难帮扶 application details beside the shared case record.
CREATE TABLE assistance_application (
  id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_id           BIGINT        NOT NULL,
  case_number       VARCHAR(32)   NOT NULL,
  applicant_person_id BIGINT      NOT NULL,
  cause             VARCHAR(32)   NOT NULL,
  cause_year        INT           NOT NULL,
  description       VARCHAR(2000) NOT NULL,
  amount_requested  DECIMAL(12,2) NOT NULL,
  approved_amount   DECIMAL(12,2) NULL,
  emergency_paid    DECIMAL(12,2) NULL,
  emergency         BOOLEAN       NOT NULL,
  household_size    INT           NOT NULL,
  monthly_income    DECIMAL(12,2) NOT NULL,
  reviewer          VARCHAR(64)   NULL,
  materials_requested BOOLEAN     NOT NULL DEFAULT FALSE,
  outcome           VARCHAR(32)   NULL,
  refusal_reason    VARCHAR(2000) NULL,
  duplicate_of      VARCHAR(32)   NULL,
  CONSTRAINT uq_application_case UNIQUE (case_id),
  CONSTRAINT ck_application_amount CHECK (amount_requested > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_application_duplicate ON assistance_application (applicant_person_id, cause, cause_year);

-- Per-region assistance policy; the most specific region wins ('' = national default).
-- townshipLimit = min_living_monthly × township_limit_multiplier (default 3 × 低保标准).
CREATE TABLE assistance_policy (
  region_code               VARCHAR(12)   NOT NULL PRIMARY KEY,
  min_living_monthly        DECIMAL(12,2) NOT NULL,
  township_limit_multiplier DECIMAL(5,2)  NOT NULL,
  countersign_threshold     DECIMAL(12,2) NOT NULL,
  publicity_threshold       DECIMAL(12,2) NOT NULL,
  publicity_days            INT           NOT NULL,
  max_amount                DECIMAL(12,2) NOT NULL,
  emergency_max             DECIMAL(12,2) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO assistance_policy VALUES ('', 800.00, 3.00, 10000.00, 1000.00, 7, 50000.00, 3000.00);
