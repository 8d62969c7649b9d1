-- 关怀慰问: single visits (one per case) and the amounts per trigger, category and region.
-- Amounts are configuration: the most specific region row wins (township, county, '' national),
-- and within a region a row for the person's category wins over the row for every category ('').
CREATE TABLE condolence_amount (
  region_code   VARCHAR(12)   NOT NULL,
  visit_trigger VARCHAR(16)   NOT NULL,
  category      VARCHAR(32)   NOT NULL DEFAULT '',
  amount        DECIMAL(12,2) NOT NULL,
  PRIMARY KEY (region_code, visit_trigger, category),
  CONSTRAINT ck_condolence_amount CHECK (amount > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- national defaults ("a few hundred yuan"); counties override with their own rows
INSERT INTO condolence_amount (region_code, visit_trigger, category, amount) VALUES
  ('', 'ILLNESS',         '', 500.00),
  ('', 'HOSPITALISATION', '', 800.00),
  ('', 'MISFORTUNE',      '', 1000.00),
  ('', 'DEATH',           '', 2000.00),
  ('', 'RETURN_HOME',     '', 300.00),
  ('', 'AWARD',           '', 500.00),
  ('', 'FESTIVAL',        '', 300.00),
  ('', 'FESTIVAL',        'MARTYR_FAMILY', 500.00);

CREATE TABLE condolence_visit (
  id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_number      VARCHAR(32)   NOT NULL,
  person_id        BIGINT        NOT NULL,
  visit_trigger    VARCHAR(16)   NOT NULL,
  description      VARCHAR(2000) NOT NULL,
  amount           DECIMAL(12,2) NOT NULL,
  requested_by     VARCHAR(64)   NOT NULL,
  requested_at     TIMESTAMP(6)  NOT NULL,
  -- one funeral-support case per deceased person, however often the event is delivered
  death_of         BIGINT        NULL,
  confirmed_by     VARCHAR(64)   NULL,
  approved_by      VARCHAR(64)   NULL,
  visited_by       VARCHAR(255)  NULL,
  visited_on       DATE          NULL,
  handed_over      VARCHAR(500)  NULL,
  receipt_ref      VARCHAR(255)  NULL,
  disbursement_id  VARCHAR(40)   NULL,
  CONSTRAINT uq_condolence_visit_case UNIQUE (case_number),
  CONSTRAINT uq_condolence_visit_death UNIQUE (death_of),
  CONSTRAINT ck_condolence_visit_amount CHECK (amount > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_condolence_visit_person ON condolence_visit (person_id);
