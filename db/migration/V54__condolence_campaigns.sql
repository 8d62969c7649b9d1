-- Festival campaigns (春节/八一 ...): defined by a county officer, lists drawn per township from the
-- registry, confirmed per township, approved per township in one task, visits and payments per
-- person. A person is on a campaign at most once (uq_campaign_entry_person).
CREATE TABLE condolence_campaign (
  id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name                VARCHAR(100)  NOT NULL,
  festival            VARCHAR(16)   NOT NULL,
  period              VARCHAR(16)   NOT NULL,
  county_code         VARCHAR(12)   NOT NULL,
  budget_line         VARCHAR(100)  NOT NULL,
  deadline            DATE          NOT NULL,
  recent_visit_days   INT           NOT NULL,
  status              VARCHAR(16)   NOT NULL,
  defined_by          VARCHAR(64)   NOT NULL,
  defined_at          TIMESTAMP(6)  NOT NULL,
  process_instance_key BIGINT       NULL,
  closed_at           TIMESTAMP(6)  NULL,
  CONSTRAINT fk_campaign_county FOREIGN KEY (county_code) REFERENCES jurisdiction_region (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE condolence_campaign_amount (
  campaign_id BIGINT        NOT NULL,
  category    VARCHAR(32)   NOT NULL,
  amount      DECIMAL(12,2) NOT NULL,
  PRIMARY KEY (campaign_id, category),
  CONSTRAINT fk_campaign_amount FOREIGN KEY (campaign_id) REFERENCES condolence_campaign (id),
  CONSTRAINT ck_campaign_amount CHECK (amount > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE condolence_campaign_township (
  campaign_id   BIGINT       NOT NULL,
  township_code VARCHAR(12)  NOT NULL,
  state         VARCHAR(16)  NOT NULL,
  confirmed_by  VARCHAR(64)  NULL,
  approved_by   VARCHAR(64)  NULL,
  note          VARCHAR(500) NULL,
  PRIMARY KEY (campaign_id, township_code),
  CONSTRAINT fk_campaign_township FOREIGN KEY (campaign_id) REFERENCES condolence_campaign (id),
  CONSTRAINT fk_campaign_township_region FOREIGN KEY (township_code) REFERENCES jurisdiction_region (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE condolence_campaign_entry (
  id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  campaign_id     BIGINT        NOT NULL,
  township_code   VARCHAR(12)   NOT NULL,
  person_id       BIGINT        NOT NULL,
  category        VARCHAR(32)   NOT NULL,
  source          VARCHAR(8)    NOT NULL,
  state           VARCHAR(16)   NOT NULL,
  reason          VARCHAR(500)  NULL,
  amount          DECIMAL(12,2) NULL,
  visited_by      VARCHAR(255)  NULL,
  visited_on      DATE          NULL,
  handed_over     VARCHAR(500)  NULL,
  receipt_ref     VARCHAR(255)  NULL,
  disbursement_id VARCHAR(40)   NULL,
  CONSTRAINT fk_campaign_entry FOREIGN KEY (campaign_id) REFERENCES condolence_campaign (id),
  CONSTRAINT uq_campaign_entry_person UNIQUE (campaign_id, person_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_campaign_entry_township ON condolence_campaign_entry (campaign_id, township_code);
CREATE INDEX ix_campaign_entry_person ON condolence_campaign_entry (person_id, state);
