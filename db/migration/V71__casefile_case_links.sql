-- Links between cases of any type (a petition that is really a hardship or legal-aid matter
-- spawns a case of that type). One row per ordered pair; both cases' histories show the link.
CREATE TABLE casefile_case_link (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  from_case   VARCHAR(32)   NOT NULL,
  to_case     VARCHAR(32)   NOT NULL,
  kind        VARCHAR(24)   NOT NULL,
  reason      VARCHAR(500)  NULL,
  created_by  VARCHAR(64)   NOT NULL,
  created_at  TIMESTAMP(6)  NOT NULL,
  CONSTRAINT uq_case_link UNIQUE (from_case, to_case),
  CONSTRAINT fk_link_from FOREIGN KEY (from_case) REFERENCES casefile_case (case_number),
  CONSTRAINT fk_link_to FOREIGN KEY (to_case) REFERENCES casefile_case (case_number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_case_link_to ON casefile_case_link (to_case);
