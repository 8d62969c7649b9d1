-- 四级网络: county (县/区) → township/street (乡镇/街道) → village/community (村/社区).
-- Codes are the significant prefix of the 12-digit statistical division code:
-- county 6 digits, township 9, village 12.
CREATE TABLE jurisdiction_region (
  code        VARCHAR(12)  NOT NULL PRIMARY KEY,
  level       VARCHAR(16)  NOT NULL,
  name        VARCHAR(64)  NOT NULL,
  parent_code VARCHAR(12)  NULL,
  created_at  TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  CONSTRAINT fk_region_parent FOREIGN KEY (parent_code) REFERENCES jurisdiction_region (code),
  CONSTRAINT ck_region_level CHECK (level IN ('COUNTY', 'TOWNSHIP', 'VILLAGE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 服务中心/服务站: one station per region.
CREATE TABLE jurisdiction_station (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  region_code VARCHAR(12)  NOT NULL,
  name        VARCHAR(128) NOT NULL,
  address     VARCHAR(255) NULL,
  phone       VARCHAR(32)  NULL,
  CONSTRAINT uq_station_region UNIQUE (region_code),
  CONSTRAINT fk_station_region FOREIGN KEY (region_code) REFERENCES jurisdiction_region (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Staff: one row per person and role; the app's user directory (also provisioned as Tasklist logins).
CREATE TABLE jurisdiction_staff (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  username      VARCHAR(64)  NOT NULL,
  display_name  VARCHAR(64)  NOT NULL,
  role          VARCHAR(32)  NOT NULL,
  region_code   VARCHAR(12)  NOT NULL,
  password_hash VARCHAR(100) NOT NULL,
  enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
  created_at    TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  CONSTRAINT uq_staff_username UNIQUE (username),
  CONSTRAINT fk_staff_region FOREIGN KEY (region_code) REFERENCES jurisdiction_region (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_staff_region_role ON jurisdiction_staff (region_code, role);
