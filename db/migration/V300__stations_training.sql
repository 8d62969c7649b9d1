-- Staff training (issue 19 §6; seed 002 §18–19): courses and who attended, certificates
-- (退役军人事务员) with their expiry, and the training each station owes per half-year as data
-- (region prefix '' = every county; a county adds its own rows; the latest valid_from applies).
CREATE TABLE stations_training_rule (
  region_prefix     VARCHAR(6)   NOT NULL,
  valid_from        DATE         NOT NULL,
  courses_per_half  INT          NOT NULL,
  station_kinds     VARCHAR(64)  NOT NULL,
  label             VARCHAR(128) NOT NULL,
  CONSTRAINT pk_stations_training_rule PRIMARY KEY (region_prefix, valid_from),
  CONSTRAINT ck_stations_training_courses CHECK (courses_per_half >= 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO stations_training_rule (region_prefix, valid_from, courses_per_half, station_kinds, label) VALUES
  ('', '2025-01-01', 1, 'TOWNSHIP,VILLAGE', '乡镇（街道）、村（社区）服务站工作人员每半年至少参加1次业务培训');

CREATE TABLE stations_course (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  region_code  VARCHAR(12)  NOT NULL,
  title        VARCHAR(128) NOT NULL,
  held_on      DATE         NOT NULL,
  hours        DECIMAL(4,1) NOT NULL,
  place        VARCHAR(128) NOT NULL,
  organiser    VARCHAR(128) NOT NULL,
  created_by   VARCHAR(64)  NOT NULL,
  created_at   TIMESTAMP(6) NOT NULL,
  CONSTRAINT uq_stations_course UNIQUE (region_code, title, held_on),
  CONSTRAINT fk_stations_course_region FOREIGN KEY (region_code) REFERENCES jurisdiction_region (code),
  CONSTRAINT ck_stations_course_hours CHECK (hours > 0 AND hours <= 200)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_stations_course_held ON stations_course (region_code, held_on);

CREATE TABLE stations_attendance (
  course_id    BIGINT       NOT NULL,
  staff_id     BIGINT       NOT NULL,
  recorded_by  VARCHAR(64)  NOT NULL,
  recorded_at  TIMESTAMP(6) NOT NULL,
  CONSTRAINT pk_stations_attendance PRIMARY KEY (course_id, staff_id),
  CONSTRAINT fk_stations_attendance_course FOREIGN KEY (course_id) REFERENCES stations_course (id),
  CONSTRAINT fk_stations_attendance_staff FOREIGN KEY (staff_id) REFERENCES stations_staff (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_stations_attendance_staff ON stations_attendance (staff_id);

-- certificate kinds as data: how long before expiry a certificate is flagged
CREATE TABLE stations_certificate_kind (
  code         VARCHAR(32)  NOT NULL PRIMARY KEY,
  label        VARCHAR(64)  NOT NULL,
  warn_days    INT          NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO stations_certificate_kind (code, label, warn_days) VALUES
  ('VETERAN_AFFAIRS_OFFICER', '退役军人事务员', 90);

CREATE TABLE stations_certificate (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  staff_id     BIGINT       NOT NULL,
  kind         VARCHAR(32)  NOT NULL,
  number       VARCHAR(64)  NOT NULL,
  grade        VARCHAR(32)  NULL,
  issued_on    DATE         NOT NULL,
  expires_on   DATE         NOT NULL,
  recorded_by  VARCHAR(64)  NOT NULL,
  recorded_at  TIMESTAMP(6) NOT NULL,
  CONSTRAINT uq_stations_certificate UNIQUE (kind, number),
  CONSTRAINT fk_stations_certificate_staff FOREIGN KEY (staff_id) REFERENCES stations_staff (id),
  CONSTRAINT fk_stations_certificate_kind FOREIGN KEY (kind) REFERENCES stations_certificate_kind (code),
  CONSTRAINT ck_stations_certificate_dates CHECK (expires_on > issued_on)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
