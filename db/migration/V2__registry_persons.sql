-- 一人一档: one person record; household members attached (more of the 1+N record comes later).
CREATE TABLE registry_person (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  id_number     VARCHAR(18)  NOT NULL,
  name          VARCHAR(64)  NOT NULL,
  gender        VARCHAR(8)   NOT NULL,
  birth_date    DATE         NOT NULL,
  category      VARCHAR(32)  NOT NULL,
  township_code VARCHAR(12)  NOT NULL,
  village_code  VARCHAR(12)  NULL,
  phone         VARCHAR(20)  NULL,
  address       VARCHAR(255) NULL,
  created_at    TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  CONSTRAINT uq_person_id_number UNIQUE (id_number),
  CONSTRAINT fk_person_township FOREIGN KEY (township_code) REFERENCES jurisdiction_region (code),
  CONSTRAINT fk_person_village FOREIGN KEY (village_code) REFERENCES jurisdiction_region (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_person_township ON registry_person (township_code);

CREATE TABLE registry_household_member (
  id        BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  person_id BIGINT      NOT NULL,
  name      VARCHAR(64) NOT NULL,
  relation  VARCHAR(16) NOT NULL,
  id_number VARCHAR(18) NULL,
  CONSTRAINT fk_member_person FOREIGN KEY (person_id) REFERENCES registry_person (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
